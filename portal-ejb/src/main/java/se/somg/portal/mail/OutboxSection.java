package se.somg.portal.mail;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/**
 * The mail feature adds nothing to the extract: a mail says what other sections already hold (a notice, a request's
 * answer, a link), and the outbox keeps it only until it is sent. This section says so, for the schema test.
 */
@ApplicationScoped
public class OutboxSection implements ExtractSection {

    @Override
    public int position() {
        return NOTIFICATIONS;
    }

    @Override
    public Set<String> reads() {
        return Set.of();
    }

    @Override
    public Map<String, String> leavesOut() {
        return Map.of(
                "outbox_message",
                "mails waiting to be sent; their content is in the notifications, requests and "
                        + "complaints of the extract, and a sent mail with a link is wiped (MailErasure)");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) {
        // nothing of its own: see the class comment
    }
}

package se.somg.portal.mail;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import se.somg.portal.kernel.ErasureStep;

/** Mails still waiting, or kept after sending, hold the address and often the name: they go. */
@ApplicationScoped
public class MailErasure implements ErasureStep {

    private static final String MAILS_TO_THE_CUSTOMER = """
            DELETE FROM outbox_message WHERE erase_after_sending = FALSE AND (
                credential_id IN (SELECT credential_id FROM customer WHERE id = ANY(?))
                OR recipient IN (
                    SELECT cr.email FROM credential cr JOIN customer c ON c.credential_id = cr.id WHERE c.id = ANY(?)
                    UNION SELECT t.new_email FROM account_token t JOIN customer c ON c.credential_id = t.credential_id
                          WHERE c.id = ANY(?) AND t.new_email IS NOT NULL))""";

    /**
     * Mails to an earlier address tell of the change and name the current one. Searching every mail's text is
     * affordable for an erasure request, not for a retention batch (whose customers' mail is long gone: sent
     * mail is removed after 90 days).
     */
    private static final String MAILS_NAMING_THE_ADDRESS = """
            DELETE FROM outbox_message o USING customer c JOIN credential cr ON cr.id = c.credential_id
            WHERE c.id = ANY(?) AND o.erase_after_sending = FALSE AND strpos(o.body, cr.email) > 0""";

    private static final int FEW = 10;

    @Override
    public int order() {
        return BEFORE_ACCOUNT;
    }

    @Override
    public List<String> statements(int customers) {
        List<String> statements = new ArrayList<>();
        if (customers <= FEW) {
            statements.add(MAILS_NAMING_THE_ADDRESS);
        }
        statements.add(MAILS_TO_THE_CUSTOMER);
        return statements;
    }

    @Override
    public Set<String> erases() {
        return Set.of("outbox_message");
    }
}

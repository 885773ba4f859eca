package se.somg.portal.preference;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import se.somg.portal.kernel.ExtractCode;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/** Which channel may carry which kind of message (policy §5.4). */
@ApplicationScoped
public class PreferencesSection implements ExtractSection {

    @Override
    public int position() {
        return CONTACT_PREFERENCES;
    }

    @Override
    public Set<String> reads() {
        return Set.of("contact_preference");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        sink.startList("contactPreferences", "channel", "kind", "enabled");
        for (Object[] row : context.rows(
                "SELECT id, channel, kind, enabled FROM contact_preference WHERE customer_id = ?1",
                context.customerId())) {
            sink.row(ExtractCode.of(row[1]), ExtractCode.of(row[2]), row[3]);
        }
        sink.endList();
    }
}

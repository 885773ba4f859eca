package se.somg.portal.profile;

import static se.somg.portal.kernel.ExtractValues.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import se.somg.portal.kernel.ExtractCode;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/** Which fields were corrected, when and by whom (the customer or staff); old values are not kept. */
@ApplicationScoped
public class RectificationsSection implements ExtractSection {

    @Override
    public int position() {
        return RECTIFICATIONS;
    }

    @Override
    public Set<String> reads() {
        return Set.of("rectification");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        sink.startList("rectifications", "field", "changedAt", "changedBy");
        for (Object[] row : context.rows(
                "SELECT id, field, changed_at, changed_by FROM rectification WHERE customer_id = ?1",
                context.customerId())) {
            sink.row(ExtractCode.of(row[1]), time(row[2]), ExtractCode.of(row[3]));
        }
        sink.endList();
    }
}

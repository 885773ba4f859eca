package se.somg.portal.platform;

import static se.somg.portal.kernel.ExtractValues.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import se.somg.portal.kernel.ExtractCode;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/**
 * Which of SOMG's platforms hold the customer, under what reference, and what each was told: when it was sent and
 * when the platform confirmed it (policy §1 and §7).
 */
@ApplicationScoped
public class PlatformsSection implements ExtractSection {

    @Override
    public int position() {
        return PLATFORMS;
    }

    @Override
    public Set<String> reads() {
        return Set.of("platform_person", "platform_event");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        sink.startList("platforms", "platform", "reference", "linkedAt");
        // the context reads page by page in the order of a first column "id", extending the last WHERE clause
        for (Object[] row : context.rows("""
                SELECT * FROM (SELECT row_number() OVER (ORDER BY pp.linked_at, pp.platform_code) AS id, p.domain,
                                      pp.reference, pp.linked_at
                               FROM platform_person pp JOIN platform p ON p.code = pp.platform_code
                               WHERE pp.customer_id = ?1) linked WHERE true""", context.customerId())) {
            sink.row(row[1], row[2], time(row[3]));
        }
        sink.endList();
        sink.startList(
                "platformEvents", "platform", "event", "createdAt", "deliveredAt", "confirmedAt", "cannotConfirm");
        for (Object[] row : context.rows("""
                SELECT * FROM (SELECT e.seq AS id, p.domain, e.type, e.created_at, e.delivered_at, e.confirmed_at,
                                      e.waived_reason
                               FROM platform_event e JOIN platform p ON p.code = e.platform_code
                               WHERE e.customer_id = ?1) told WHERE true""", context.customerId())) {
            sink.row(
                    row[1],
                    ExtractCode.of(PlatformEvents.shortName((String) row[2])),
                    time(row[3]),
                    time(row[4]),
                    time(row[5]),
                    row[6]);
        }
        sink.endList();
    }
}

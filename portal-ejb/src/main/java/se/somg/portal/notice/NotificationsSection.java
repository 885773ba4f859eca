package se.somg.portal.notice;

import static se.somg.portal.kernel.ExtractValues.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import se.somg.portal.PortalLanguage;
import se.somg.portal.kernel.ExtractCode;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/** Notices the customer opened or was mailed; those only shown in the inbox hold nothing about them. */
@ApplicationScoped
public class NotificationsSection implements ExtractSection {

    @Override
    public int position() {
        return NOTIFICATIONS;
    }

    @Override
    public Set<String> reads() {
        return Set.of("notice_receipt", "notice_mailing");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        String title = PortalLanguage.of(context.language()).pick("title_sv", "title_en");
        sink.startList("notifications", "kind", "title", "publishedAt", "readAt", "acknowledgedAt");
        for (Object[] row : context.rows(
                "SELECT id, kind, title, publish_at, read_at, acknowledged_at FROM ("
                        + " SELECT n.id, n.kind, n." + title + " AS title, n.publish_at, r.read_at, r.acknowledged_at"
                        + " FROM notice n"
                        + " LEFT JOIN notice_receipt r ON r.notice_id = n.id AND r.customer_id = ?1"
                        + " LEFT JOIN notice_mailing m ON m.notice_id = n.id AND m.customer_id = ?1"
                        + " WHERE r.customer_id IS NOT NULL OR m.customer_id IS NOT NULL) AS received WHERE TRUE",
                context.customerId())) {
            sink.row(ExtractCode.of(row[1]), row[2], time(row[3]), time(row[4]), time(row[5]));
        }
        sink.endList();
    }
}

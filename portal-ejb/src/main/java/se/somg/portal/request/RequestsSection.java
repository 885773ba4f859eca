package se.somg.portal.request;

import static se.somg.portal.kernel.ExtractValues.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import se.somg.portal.kernel.ExtractCode;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/** The customer's requests (art. 15–21) and complaints, with how and when each was answered. */
@ApplicationScoped
public class RequestsSection implements ExtractSection {

    @Override
    public int position() {
        return REQUESTS;
    }

    @Override
    public Set<String> reads() {
        return Set.of("subject_request", "complaint");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        sink.startList(
                "requests",
                "kind",
                "status",
                "message",
                "filedAt",
                "dueAt",
                "extensionReason",
                "resolution",
                "resolvedAt");
        for (Object[] row : context.rows("""
                SELECT id, kind, status, message, filed_at, COALESCE(extended_due_at, due_at), extension_reason, resolution, resolved_at
                FROM subject_request WHERE customer_id = ?1""", context.customerId())) {
            sink.row(
                    ExtractCode.of(row[1]),
                    ExtractCode.of(row[2]),
                    row[3],
                    time(row[4]),
                    time(row[5]),
                    row[6],
                    row[7],
                    time(row[8]));
        }
        sink.endList();

        sink.startList("complaints", "category", "text", "filedAt", "answer", "answeredAt");
        for (Object[] row : context.rows(
                "SELECT id, category, text, filed_at, answer, answered_at FROM complaint WHERE customer_id = ?1",
                context.customerId())) {
            sink.row(ExtractCode.of(row[1]), row[2], time(row[3]), row[4], time(row[5]));
        }
        sink.endList();
    }
}

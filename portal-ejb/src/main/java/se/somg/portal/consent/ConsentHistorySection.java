package se.somg.portal.consent;

import static se.somg.portal.kernel.ExtractValues.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.somg.portal.kernel.ExtractCode;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/** Every consent given or withdrawn, with its receipt id (the proof, art. 7(1)). */
@ApplicationScoped
public class ConsentHistorySection implements ExtractSection {

    @Inject
    private ConsentLedger consents;

    @Override
    public int position() {
        return CONSENTS;
    }

    @Override
    public Set<String> reads() {
        return Set.of("consent_event");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        Map<Long, String> names = consents.purposes().stream()
                .collect(Collectors.toMap(ConsentPurpose::getId, purpose -> purpose.name(context.language())));
        sink.startSection("consents");
        sink.startList("history", "receiptId", "purpose", "given", "occurredAt", "policyVersion", "method");
        for (Object[] row : context.rows("""
                SELECT id, receipt_id, purpose_id, given, occurred_at, policy_version, method
                FROM consent_event WHERE customer_id = ?1""", context.customerId())) {
            sink.row(
                    row[1].toString(),
                    names.get(((Number) row[2]).longValue()),
                    row[3],
                    time(row[4]),
                    ((Number) row[5]).intValue(),
                    ExtractCode.of(row[6]));
        }
        sink.endList();
        sink.endSection();
    }
}

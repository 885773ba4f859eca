package se.somg.portal.extract;

import static se.somg.portal.kernel.ExtractValues.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import se.somg.portal.kernel.ExtractCode;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/** The extracts the customer took before: when, in which format, and the digest to check a copy against. */
@ApplicationScoped
public class ExtractsSection implements ExtractSection {

    @Override
    public int position() {
        return EXTRACTS;
    }

    @Override
    public Set<String> reads() {
        return Set.of("extract_record");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        sink.startList("extracts", "issuedAt", "format", "sha256");
        for (Object[] row : context.rows(
                "SELECT id, issued_at, format, sha256 FROM extract_record WHERE customer_id = ?1",
                context.customerId())) {
            sink.row(time(row[1]), ExtractCode.of(row[2]), row[3]);
        }
        sink.endList();
    }
}

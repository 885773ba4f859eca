package se.somg.portal.audit;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import se.somg.portal.kernel.ExtractCode;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/** Every time staff opened or handed out this customer's data: when, which role, why (never who). */
@ApplicationScoped
public class StaffAccessSection implements ExtractSection {

    @EJB
    private StaffAccess staffAccess;

    @Override
    public int position() {
        return STAFF_ACCESS;
    }

    @Override
    public Set<String> reads() {
        return Set.of("audit_event");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        sink.startList("staffAccess", "accessedAt", "staffRole", "reason");
        for (StaffAccess.Entry entry : staffAccess.mine()) {
            sink.row(entry.getAt(), ExtractCode.of(entry.getRole()), ExtractCode.of(entry.getAction()));
        }
        sink.endList();
    }
}

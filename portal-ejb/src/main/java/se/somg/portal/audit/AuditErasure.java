package se.somg.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import se.somg.portal.kernel.ErasureStep;

/** Audit events stay (who looked, when, why), their free-text detail goes. */
@ApplicationScoped
public class AuditErasure implements ErasureStep {

    @Override
    public List<String> statements(int customers) {
        return List.of("UPDATE audit_event SET detail = NULL WHERE customer_id = ANY(?) AND detail IS NOT NULL");
    }

    @Override
    public Set<String> erases() {
        return Set.of("audit_event");
    }
}

package se.somg.portal.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import se.somg.portal.kernel.ErasureStep;

/** The retention runs' own records. */
@ApplicationScoped
public class RetentionErasure implements ErasureStep {

    @Override
    public Map<String, String> keeps() {
        return Map.of(
                "retention_run", "when a run ran and how many it anonymised: no customer's data",
                "retention_failure", "which account a run skipped and why (a code): retried until it is anonymised");
    }
}

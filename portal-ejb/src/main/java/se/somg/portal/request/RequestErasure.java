package se.somg.portal.request;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import se.somg.portal.account.AccountErasure;
import se.somg.portal.kernel.ErasureStep;

/** Requests and complaints stay as proof that they were handled, in time; what the customer wrote goes. */
@ApplicationScoped
public class RequestErasure implements ErasureStep {

    @Override
    public List<String> statements(int customers) {
        return List.of(
                "UPDATE subject_request SET message = NULL, extension_reason = NULL, resolution = NULL WHERE customer_id = ANY(?)",
                // a waiting restriction's or objection's events went with the person: nothing is left to wait for
                """
                UPDATE subject_request SET status = 'COMPLETED', resolved_at = coalesce(resolved_at, now())
                WHERE customer_id = ANY(?) AND status = 'CONFIRMING'""",
                "UPDATE complaint SET text = '" + AccountErasure.ERASED_NAME
                        + "', answer = NULL WHERE customer_id = ANY(?)");
    }

    @Override
    public Set<String> erases() {
        return Set.of("subject_request", "complaint");
    }
}

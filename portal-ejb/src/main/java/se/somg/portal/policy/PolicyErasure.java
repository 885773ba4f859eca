package se.somg.portal.policy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import se.somg.portal.kernel.ErasureStep;

/** Policy versions are SOMG's own texts. */
@ApplicationScoped
public class PolicyErasure implements ErasureStep {

    @Override
    public Map<String, String> keeps() {
        return Map.of(
                "policy_version", "the policy's texts: no customer's data",
                "policy_version_reconsent", "which purposes a version asked for again: no customer's data");
    }
}

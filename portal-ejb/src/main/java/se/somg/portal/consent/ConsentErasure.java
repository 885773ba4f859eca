package se.somg.portal.consent;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import se.somg.portal.kernel.ErasureStep;

/** Consents are kept through an erasure: proof that each was given or withdrawn, and when (GDPR art. 7(1)). */
@ApplicationScoped
public class ConsentErasure implements ErasureStep {

    @Override
    public Map<String, String> keeps() {
        return Map.of(
                "consent", "given or not per purpose, tied to an anonymised id",
                "consent_event",
                        "proof of consent (GDPR art. 7(1)): purpose, time, method, policy version; no personal data",
                "consent_purpose", "the purposes' texts: no customer's data");
    }
}

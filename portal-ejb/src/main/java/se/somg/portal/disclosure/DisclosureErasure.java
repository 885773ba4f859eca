package se.somg.portal.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import se.somg.portal.kernel.ErasureStep;

/** Disclosures to authorities are kept as the law that required them says (policy §9). */
@ApplicationScoped
public class DisclosureErasure implements ErasureStep {

    @Override
    public Map<String, String> keeps() {
        return Map.of(
                "lawful_disclosure",
                "a disclosure required by law: kept for the authority's retention period, not the customer's (GDPR art. 17(3)(b))");
    }
}

package se.somg.portal.profile;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.somg.portal.kernel.ErasureStep;

/** Interests, campaign images and where each datum came from are the customer's own: deleted. */
@ApplicationScoped
public class ProfileErasure implements ErasureStep {

    @Override
    public List<String> statements(int customers) {
        return List.of(
                "DELETE FROM interest WHERE customer_id = ANY(?)",
                "DELETE FROM campaign_image WHERE customer_id = ANY(?)",
                "DELETE FROM datum_source WHERE customer_id = ANY(?)");
    }

    @Override
    public Set<String> erases() {
        return Set.of("interest", "campaign_image", "datum_source");
    }

    @Override
    public Map<String, String> keeps() {
        return Map.of(
                "rectification",
                "which field was corrected, when and by whom (customer or staff): proof of"
                        + " rectification (GDPR art. 16, 19), no values, tied to an anonymised id");
    }
}

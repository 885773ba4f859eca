package se.somg.portal.preference;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import se.somg.portal.kernel.ErasureStep;

/** Contact preferences hold no personal data once the account is anonymised. */
@ApplicationScoped
public class PreferenceErasure implements ErasureStep {

    @Override
    public Map<String, String> keeps() {
        return Map.of("contact_preference", "on or off per channel and kind, tied to an anonymised id");
    }
}

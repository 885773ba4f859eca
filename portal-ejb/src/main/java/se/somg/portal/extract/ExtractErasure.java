package se.somg.portal.extract;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import se.somg.portal.kernel.ErasureStep;

/** What is kept of an extract is proof that it was handed out, never its contents. */
@ApplicationScoped
public class ExtractErasure implements ErasureStep {

    @Override
    public Map<String, String> keeps() {
        return Map.of(
                "extract_record",
                "digest, time and format of an extract handed out (proof, and for \"Verify an extract\"): no contents, tied to an anonymised id");
    }
}

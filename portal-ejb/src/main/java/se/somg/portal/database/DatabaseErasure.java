package se.somg.portal.database;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import se.somg.portal.kernel.ErasureStep;

/** The schema's own history. */
@ApplicationScoped
public class DatabaseErasure implements ErasureStep {

    @Override
    public Map<String, String> keeps() {
        return Map.of("flyway_schema_history", "which migrations ran: no customer's data");
    }
}

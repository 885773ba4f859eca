package se.somg.portal.kernel;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One feature's part of erasing customers (an erasure request, GDPR art. 17, or the end of the retention period):
 * the feature that owns a table says how the rows of erased customers are removed or anonymised, or why the table
 * is kept as it is. The retention feature's Anonymisation runs every step it finds, in {@link #order()}, in one transaction; a
 * test reads the database schema and fails on any table with text or a customer reference that no step names.
 */
public interface ErasureStep {

    /** Steps that find rows through the customer's address or name, before anything is blanked. */
    int BEFORE_ACCOUNT = 100;
    /** A feature's own data. */
    int FEATURE_DATA = 500;
    /** The account itself, last: the other steps find rows through it. */
    int ACCOUNT = 900;

    default int order() {
        return FEATURE_DATA;
    }

    /** Set-based statements; every {@code ?} is the array of the customer ids (one, or a retention batch). */
    default List<String> statements(int customers) {
        return List.of();
    }

    /** The tables {@link #statements} remove or anonymise rows of. */
    default Set<String> erases() {
        return Set.of();
    }

    /** Tables of the feature kept as they are, each with the reason (no personal data in them, or the law wants them). */
    default Map<String, String> keeps() {
        return Map.of();
    }
}

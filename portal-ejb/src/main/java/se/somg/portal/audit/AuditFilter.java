package se.somg.portal.audit;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** What the audit trail is narrowed to; each part may be left out (null). Addresses are compared as stored (normalised). */
public record AuditFilter(
        String customerEmail, String staffEmail, String action, OffsetDateTime from, OffsetDateTime until)
        implements Serializable {

    public AuditFilter {
        customerEmail = blankToNull(customerEmail);
        staffEmail = blankToNull(staffEmail);
        action = blankToNull(action);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** For the export's own audit record: which parts were used, never the addresses themselves. */
    String describe() {
        return "filter:" + (customerEmail == null ? "" : " customer") + (staffEmail == null ? "" : " staff")
                + (action == null ? "" : " action=" + action.toUpperCase(java.util.Locale.ROOT))
                + (from == null ? "" : " from=" + from) + (until == null ? "" : " until=" + until);
    }
}

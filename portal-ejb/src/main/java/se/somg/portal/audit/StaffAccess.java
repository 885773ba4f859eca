package se.somg.portal.audit;

import static se.somg.portal.kernel.Role.Names.CUSTOMER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import se.somg.portal.kernel.Caller;

/**
 * "Access to my data": every time staff opened or handed out the calling customer's data (a look-up by customer
 * service, the handling of their request or complaint, a lawful disclosure, a letter or phone list naming them),
 * read from the audit trail. The role and the reason, never the staff member's name or id.
 */
@Stateless
@RolesAllowed(CUSTOMER)
public class StaffAccess {

    private static final String[] STAFF_LOOKS =
            AuditAction.staffLooks().stream().map(Enum::name).toArray(String[]::new);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    /** Newest first; at most the last thousand. */
    public List<Entry> mine() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT occurred_at, actor, action FROM audit_event
                        WHERE customer_id = (SELECT id FROM customer WHERE credential_id = ?1) AND action = ANY(?2) AND actor NOT LIKE 'CUSTOMER:%'
                        ORDER BY occurred_at DESC, id DESC LIMIT 1000""")
                .setParameter(1, caller.credentialId())
                .setParameter(2, STAFF_LOOKS)
                .getResultList();
        return rows.stream()
                .map(r -> new Entry(time(r[0]), role((String) r[1]), (String) r[2]))
                .toList();
    }

    /** "SUPPORT:4711" → "SUPPORT": the staff member's id stays in the audit trail. */
    private static String role(String actor) {
        int colon = actor.indexOf(':');
        return colon < 0 ? "SYSTEM" : actor.substring(0, colon);
    }

    private static OffsetDateTime time(Object value) {
        return value instanceof java.sql.Timestamp at
                ? at.toInstant().atOffset(ZoneOffset.UTC)
                : (OffsetDateTime) value;
    }

    /** One look at the customer's data: when, by which role, for what. */
    public static final class Entry implements Serializable {

        private final OffsetDateTime at;
        private final String role;
        private final String action;

        public Entry(OffsetDateTime at, String role, String action) {
            this.at = at;
            this.role = role;
            this.action = action;
        }

        public OffsetDateTime getAt() {
            return at;
        }

        public String getRole() {
            return role;
        }

        public String getAction() {
            return action;
        }
    }
}

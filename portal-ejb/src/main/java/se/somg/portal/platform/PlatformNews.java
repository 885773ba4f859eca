package se.somg.portal.platform;

import static se.somg.portal.kernel.Role.Names.CUSTOMER;
import static se.somg.portal.kernel.Role.Names.PRIVACY_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.somg.portal.account.CurrentCustomer;
import se.somg.portal.kernel.CustomerChange;

/**
 * What SOMG's platforms were told about one person and what each confirmed: the customer sees their own on
 * "Requests", the privacy officer the requester's while handling a request.
 */
@Stateless
public class PlatformNews {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentCustomer current;

    /**
     * One event told to one platform: sent (delivered) and confirmed, or not yet, or excused by the privacy officer
     * with the reason.
     */
    public record Told(
            String eventId,
            String platform,
            String kind,
            OffsetDateTime createdAt,
            OffsetDateTime sentAt,
            boolean needsConfirmation,
            OffsetDateTime confirmedAt,
            boolean givenUp,
            OffsetDateTime waivedAt,
            String waivedReason)
            implements java.io.Serializable {

        /** Still owed: a platform must confirm it and has not, nor been excused. */
        public boolean isOutstanding() {
            return needsConfirmation && confirmedAt == null && waivedAt == null;
        }

        /** Owed past the due date of the request it belongs to. */
        public boolean isOverdueAt(OffsetDateTime due, OffsetDateTime now) {
            return isOutstanding() && due != null && due.isBefore(now);
        }
    }

    @RolesAllowed(CUSTOMER)
    public List<Told> mine() {
        return of(current.get().getId());
    }

    @RolesAllowed(PRIVACY_OFFICER)
    public List<Told> ofCustomer(long customerId) {
        return of(customerId);
    }

    /**
     * What each platform was told of each of the customer's consent answers, by the consent event's id: the consent
     * history shows it next to the answer.
     */
    @RolesAllowed(CUSTOMER)
    public Map<Long, List<Told>> myConsents() {
        Map<Long, List<Told>> told = new HashMap<>();
        for (Object[] row : rows(current.get().getId(), "e.about LIKE '" + CustomerChange.CONSENT_EVENT + "%'")) {
            told.computeIfAbsent(CustomerChange.consentEventOf((String) row[10]), id -> new ArrayList<>())
                    .add(told(row));
        }
        return told;
    }

    private List<Told> of(long customerId) {
        return rows(customerId, "TRUE").stream().map(PlatformNews::told).toList();
    }

    private List<Object[]> rows(long customerId, String condition) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT e.id, p.domain, e.type, e.created_at, e.delivered_at, e.needs_confirmation,
                               e.confirmed_at, e.given_up_at IS NOT NULL, e.waived_at, e.waived_reason, e.about
                        FROM platform_event e JOIN platform p ON p.code = e.platform_code
                        WHERE e.customer_id = ?1 AND %s ORDER BY e.seq DESC LIMIT 200""".formatted(condition))
                .setParameter(1, customerId)
                .getResultList();
        return rows;
    }

    private static Told told(Object[] row) {
        return new Told(
                (String) row[0],
                (String) row[1],
                PlatformEvents.shortName((String) row[2]),
                moment(row[3]),
                moment(row[4]),
                (Boolean) row[5],
                moment(row[6]),
                (Boolean) row[7],
                moment(row[8]),
                (String) row[9]);
    }

    static OffsetDateTime moment(Object value) {
        if (value instanceof OffsetDateTime moment) {
            return moment;
        }
        return value instanceof Timestamp timestamp ? timestamp.toInstant().atOffset(ZoneOffset.UTC) : null;
    }
}

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
import java.util.List;
import se.somg.portal.account.CurrentCustomer;

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

    /** One event told to one platform: sent (delivered) and confirmed, or not yet. */
    public record Told(
            String platform,
            String kind,
            OffsetDateTime createdAt,
            OffsetDateTime sentAt,
            boolean needsConfirmation,
            OffsetDateTime confirmedAt,
            boolean givenUp) {}

    @RolesAllowed(CUSTOMER)
    public List<Told> mine() {
        return of(current.get().getId());
    }

    @RolesAllowed(PRIVACY_OFFICER)
    public List<Told> ofCustomer(long customerId) {
        return of(customerId);
    }

    private List<Told> of(long customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT p.domain, e.type, e.created_at, e.delivered_at, e.needs_confirmation, e.confirmed_at,
                               e.given_up_at IS NOT NULL
                        FROM platform_event e JOIN platform p ON p.code = e.platform_code
                        WHERE e.customer_id = ?1 ORDER BY e.seq DESC LIMIT 200""").setParameter(1, customerId).getResultList();
        return rows.stream()
                .map(row -> new Told(
                        (String) row[0],
                        PlatformEvents.shortName((String) row[1]),
                        moment(row[2]),
                        moment(row[3]),
                        (Boolean) row[4],
                        moment(row[5]),
                        (Boolean) row[6]))
                .toList();
    }

    static OffsetDateTime moment(Object value) {
        if (value instanceof OffsetDateTime moment) {
            return moment;
        }
        return value instanceof Timestamp timestamp ? timestamp.toInstant().atOffset(ZoneOffset.UTC) : null;
    }
}

package se.somg.portal.platform;

import static se.somg.portal.kernel.Role.Names.PRIVACY_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import se.somg.portal.FreeText;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.kernel.Caller;

/**
 * The privacy officer records why a platform cannot confirm an erasure, restriction or objection (it no longer
 * exists, it never held the data, it has been told by other means): the request then waits for the others only.
 * The reason is shown to the customer next to that platform.
 */
@Stateless
@RolesAllowed(PRIVACY_OFFICER)
public class PlatformWaivers {

    public static final int REASON_MAX = 1000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PlatformSettlement settlement;

    @Inject
    private AuditTrail audit;

    @Inject
    private Caller caller;

    public void waive(String eventId, String reason) {
        FreeText.problem(reason, REASON_MAX, true).ifPresent(problem -> {
            throw new InvalidInput(Map.of("waiver", problem));
        });
        String why = FreeText.clean(reason);
        settlement.settle(eventId, null, "platform.waiver.notFound", (id, any) -> {
            List<?> rows = em.createNativeQuery("""
                            UPDATE platform_event SET waived_at = now(), waived_reason = ?2, waived_by = ?3
                            WHERE id = ?1 AND needs_confirmation AND confirmed_at IS NULL AND waived_at IS NULL
                            RETURNING customer_id, platform_code""")
                    .setParameter(1, id)
                    .setParameter(2, why)
                    .setParameter(3, caller.actor())
                    .getResultList();
            if (rows.isEmpty()) {
                throw new Refusal("platform.waiver.settled");
            }
            Object[] row = (Object[]) rows.get(0);
            audit.record(
                    AuditAction.PLATFORM_CONFIRMATION_WAIVED,
                    row[0] == null ? null : ((Number) row[0]).longValue(),
                    row[1] + " " + id);
        });
    }
}

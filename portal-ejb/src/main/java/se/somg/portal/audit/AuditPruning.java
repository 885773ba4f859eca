package se.somg.portal.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Audit events are personal data too (who looked at whom, policy §5.7): kept {@code PORTAL_AUDIT_MONTHS} (default
 * 36: the accountability the law asks for, long enough for a complaint or a claim about a past look-up) and then
 * deleted by the nightly retention run, oldest first, a batch per short transaction so no statement runs long.
 * Run by the system only.
 */
@Stateless
@PermitAll
public class AuditPruning {

    public static final int BATCH = 5000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "portal.audit.months", defaultValue = "36")
    private int months;

    /** @return how many events it deleted: {@link #BATCH} while there may be more */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pruneBatch() {
        return em.createNativeQuery("""
                        DELETE FROM audit_event WHERE id IN (
                            SELECT id FROM audit_event WHERE occurred_at < now() - make_interval(months => ?1)
                            ORDER BY occurred_at, id LIMIT ?2)""")
                .setParameter(1, months)
                .setParameter(2, BATCH)
                .executeUpdate();
    }

    public int months() {
        return months;
    }
}

package se.somg.portal.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import se.somg.portal.kernel.Caller;

/**
 * Appends to the audit trail in the caller's own transaction: the record exists exactly when the audited
 * change or look-up does.
 */
@Stateless
@PermitAll
public class AuditTrail {

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditAction action, Long customerId, String detail) {
        em.persist(new AuditEvent(OffsetDateTime.now(clock), caller.actor(), action.name(), customerId, detail));
    }

    /** On behalf of someone other than the caller: a request the officer completed, closed by a platform's call. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordAs(String actor, AuditAction action, Long customerId, String detail) {
        em.persist(new AuditEvent(OffsetDateTime.now(clock), actor, action.name(), customerId, detail));
    }

    /**
     * In a transaction of its own, committed at once: for data that leaves the portal as a stream, whose own
     * transaction may roll back after part of it has gone (a download the client broke off).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordNow(AuditAction action, Long customerId, String detail) {
        record(action, customerId, detail);
    }

    /**
     * As {@link #recordNow}, once for the export and once for every customer it names, so each of them sees it
     * on "Access to my data". One statement, however long the list.
     *
     * @param customers SQL selecting the ids of the customers named (a column {@code id}), without parameters
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordForEachNow(AuditAction action, String customers, String detail) {
        record(action, null, detail);
        em.createNativeQuery("INSERT INTO audit_event (id, occurred_at, actor, action, customer_id, detail)"
                        + " SELECT nextval('audit_event_seq'), now(), ?1, ?2, named.id, ?3 FROM (" + customers
                        + ") named")
                .setParameter(1, caller.actor())
                .setParameter(2, action.name())
                .setParameter(3, detail)
                .executeUpdate();
    }
}

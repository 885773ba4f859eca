package se.somg.portal.request;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import se.somg.portal.account.Customer;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.kernel.Caller;
import se.somg.portal.kernel.PlatformsConfirmed;

/**
 * Completes a request: at once when no platform holds the person, or when the last platform confirmed it (or the
 * privacy officer recorded why it cannot), in that confirmation's transaction. Either way the customer is mailed
 * first (an erasure leaves no address to write to) and the officer who completed it stands in the audit trail.
 */
@Dependent
class RequestCompletion {

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private RequestMails mails;

    @Inject
    private RequestFulfilment fulfilment;

    @Inject
    private Caller caller;

    void complete(SubjectRequest request, Customer customer, String note, String officer) {
        complete(request, customer, note, officer, "");
    }

    private void complete(SubjectRequest request, Customer customer, String note, String officer, String how) {
        request.resolve(RequestStatus.COMPLETED, note, officer, OffsetDateTime.now(clock));
        audit.recordAs(
                officer,
                AuditAction.REQUEST_COMPLETED,
                request.getCustomerId(),
                request.getKind() + " #" + request.getId() + how);
        mails.completed(customer, request);
        fulfilment.finish(customer, request.getKind());
    }

    void whenPlatformsConfirmed(@Observes PlatformsConfirmed confirmed) {
        for (SubjectRequest request : em.createQuery("""
                        SELECT r FROM SubjectRequest r
                        WHERE r.customerId = :customer AND r.status = se.somg.portal.request.RequestStatus.CONFIRMING""", SubjectRequest.class)
                .setParameter("customer", confirmed.customerId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
            if (RequestFulfilment.platformChange(request.getKind()) == confirmed.kind()) {
                // the officer who recorded the last platform's reason closes it; a platform's call, the one who sent it
                boolean excused = confirmed.lastExcusedByOfficer();
                complete(
                        request,
                        em.find(Customer.class, request.getCustomerId()),
                        request.getResolution(),
                        excused ? caller.actor() : request.getHandledBy(),
                        excused ? ", the last platform excused" : ", confirmed by every platform");
            }
        }
    }
}

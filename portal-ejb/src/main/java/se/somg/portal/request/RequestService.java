package se.somg.portal.request;

import static se.somg.portal.kernel.Role.Names.CUSTOMER;
import static se.somg.portal.kernel.Role.Names.PRIVACY_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import se.somg.portal.FreeText;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.account.CurrentCustomer;
import se.somg.portal.account.Customer;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.kernel.Caller;
import se.somg.portal.kernel.CustomerChange;
import se.somg.portal.retention.RetentionPolicy;

/**
 * Data-subject requests (policy §7; GDPR art. 12, 16, 17, 18, 21): customers file them and follow them; the
 * privacy officer works the queue by due date. Every step is audited and mailed to the customer.
 */
@Stateless
public class RequestService {

    @Inject
    private Clock clock;

    public static final int MESSAGE_MAX = 2000;
    public static final int REASON_MAX = 1000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentCustomer current;

    @Inject
    private Caller caller;

    @Inject
    private AuditTrail audit;

    @Inject
    private RequestMails mails;

    @Inject
    private RequestFulfilment fulfilment;

    @Inject
    private RequestCompletion completion;

    @Inject
    private Event<CustomerChange> platformsTold;

    @Inject
    private RetentionPolicy retention;

    @RolesAllowed(CUSTOMER)
    public SubjectRequest file(RequestKind kind, String message) {
        if (kind == null) {
            throw new InvalidInput(Map.of("kind", "requests.kind.required"));
        }
        FreeText.problem(message, MESSAGE_MAX, false).ifPresent(problem -> {
            throw new InvalidInput(Map.of("message", problem));
        });
        Customer customer = current.get();
        em.lock(customer, LockModeType.PESSIMISTIC_WRITE);
        boolean alreadyOpen = em.createQuery("""
                        SELECT COUNT(r) FROM SubjectRequest r WHERE r.customerId = :customer AND r.kind = :kind
                          AND r.status IN :open""", Long.class)
                        .setParameter("customer", customer.getId())
                        .setParameter("open", RequestStatus.OPEN)
                        .setParameter("kind", kind)
                        .getSingleResult()
                > 0;
        if (alreadyOpen) {
            throw new Refusal("requests.alreadyOpen");
        }
        SubjectRequest request =
                new SubjectRequest(customer.getId(), kind, FreeText.clean(message), OffsetDateTime.now(clock));
        em.persist(request);
        em.flush();
        audit.record(AuditAction.REQUEST_FILED, customer.getId(), kind + " #" + request.getId());
        mails.filed(customer, request);
        return request;
    }

    /**
     * The customer ends their customer relationship (policy §5.7): nothing is deleted yet, the retention period
     * starts, and the account still works so they can see their data and use their rights until it is anonymised.
     *
     * @return when the data will be anonymised if nothing else happens
     */
    @RolesAllowed(CUSTOMER)
    public java.time.LocalDate endContract() {
        Customer customer = current.get();
        em.lock(customer, LockModeType.PESSIMISTIC_WRITE);
        if (customer.getContractEndedAt() != null) {
            throw new Refusal("requests.contract.alreadyEnded");
        }
        customer.setContractEndedAt(OffsetDateTime.now(clock));
        java.time.LocalDate anonymisedOn = retention.deletionDate(customer.getContractEndedAt());
        audit.record(AuditAction.CONTRACT_ENDED, customer.getId(), null);
        platformsTold.fire(new CustomerChange(
                customer.getId(),
                CustomerChange.Kind.CONTRACT_ENDED,
                Map.of("endedAt", customer.getContractEndedAt().toString(), "anonymisedOn", anonymisedOn.toString()),
                customer.getContractEndedAt()));
        mails.contractEnded(customer, anonymisedOn);
        return anonymisedOn;
    }

    /** What the customer's requests page shows, read with one look-up of the customer. */
    @RolesAllowed(CUSTOMER)
    public RequestsOverview overview() {
        Customer customer = current.get();
        java.time.LocalDate anonymisedOn =
                customer.getContractEndedAt() == null ? null : retention.deletionDate(customer.getContractEndedAt());
        return new RequestsOverview(mine(customer.getId()), customer.isRestricted(), anonymisedOn);
    }

    @RolesAllowed(CUSTOMER)
    public List<SubjectRequest> mine() {
        return mine(current.get().getId());
    }

    private List<SubjectRequest> mine(long customerId) {
        return em.createQuery(
                        "SELECT r FROM SubjectRequest r WHERE r.customerId = :customer ORDER BY r.filedAt DESC",
                        SubjectRequest.class)
                .setParameter("customer", customerId)
                .getResultList();
    }

    /** Open requests, the most urgent first. */
    @RolesAllowed(PRIVACY_OFFICER)
    public List<SubjectRequest> queue() {
        return em.createQuery("""
                        SELECT r FROM SubjectRequest r
                        WHERE r.status IN :open
                        ORDER BY COALESCE(r.extendedDueAt, r.dueAt), r.id""", SubjectRequest.class)
                .setParameter("open", RequestStatus.OPEN)
                .setMaxResults(500)
                .getResultList();
    }

    @RolesAllowed(PRIVACY_OFFICER)
    public List<SubjectRequest> recentlyClosed() {
        return em.createQuery("""
                        SELECT r FROM SubjectRequest r
                        WHERE r.status IN (se.somg.portal.request.RequestStatus.COMPLETED, se.somg.portal.request.RequestStatus.REJECTED)
                        ORDER BY r.resolvedAt DESC""", SubjectRequest.class).setMaxResults(50).getResultList();
    }

    /** Who filed a request: the privacy officer needs name and address to handle it (audited). */
    @RolesAllowed(PRIVACY_OFFICER)
    public Customer requester(long requestId) {
        SubjectRequest request = em.find(SubjectRequest.class, requestId);
        if (request == null) {
            throw new Refusal("requests.notFound");
        }
        audit.record(AuditAction.REQUEST_VIEWED, request.getCustomerId(), "#" + requestId);
        return customer(request);
    }

    @RolesAllowed(PRIVACY_OFFICER)
    public void start(long requestId, long version) {
        SubjectRequest request = notYetCarriedOut(open(requestId, version));
        request.start(caller.actor());
        audit.record(AuditAction.REQUEST_STARTED, request.getCustomerId(), "#" + requestId);
        mails.started(customer(request), request);
    }

    /** GDPR art. 12(3): once, by at most two months, telling the customer why. */
    @RolesAllowed(PRIVACY_OFFICER)
    public void extend(long requestId, long version, int months, String reason) {
        SubjectRequest request = open(requestId, version);
        if (request.isExtended()) {
            throw new Refusal("requests.alreadyExtended");
        }
        if (OffsetDateTime.now(clock).isAfter(request.getDueAt())) {
            throw new Refusal("requests.extend.tooLate"); // art. 12(3): the extension is told within the first month
        }
        if (months < 1 || months > SubjectRequest.MAX_EXTENSION_MONTHS) {
            throw new InvalidInput(Map.of("months", "requests.extend.months"));
        }
        reasonProblem(reason, true, "reason");
        request.extend(months, FreeText.clean(reason), caller.actor());
        audit.record(AuditAction.REQUEST_EXTENDED, request.getCustomerId(), "#" + requestId + " +" + months + "m");
        mails.extended(customer(request), request);
    }

    /**
     * Carries the request out (erasure, restriction, objection) and tells the customer; one that SOMG's platforms
     * must confirm waits for them (still open, still bound by its due date).
     *
     * @return {@code COMPLETED}, or {@code CONFIRMING} when it waits for the platforms
     */
    @RolesAllowed(PRIVACY_OFFICER)
    public RequestStatus complete(long requestId, long version, String note) {
        SubjectRequest peek = em.find(SubjectRequest.class, requestId);
        if (peek == null) {
            throw new Refusal("requests.notFound");
        }
        // the customer's row first, as a platform's confirmation takes it, then the request's
        Customer customer = em.find(Customer.class, peek.getCustomerId(), LockModeType.PESSIMISTIC_WRITE);
        SubjectRequest request = open(requestId, version);
        if (request.isAwaitingPlatforms() && fulfilment.outstanding(customer, request.getKind()) == 0) {
            // nothing is owed any more (the events went with an erasure, say): the officer closes it
            completion.complete(request, customer, request.getResolution(), caller.actor());
            return request.getStatus();
        }
        notYetCarriedOut(request);
        reasonProblem(note, false, "note");
        if (fulfilment.carryOut(customer, request.getKind())) {
            request.awaitPlatforms(FreeText.clean(note), caller.actor());
            audit.record(
                    AuditAction.REQUEST_SENT_TO_PLATFORMS,
                    request.getCustomerId(),
                    request.getKind() + " #" + requestId);
            return request.getStatus();
        }
        completion.complete(request, customer, FreeText.clean(note), caller.actor());
        return request.getStatus();
    }

    @RolesAllowed(PRIVACY_OFFICER)
    public void reject(long requestId, long version, String reason) {
        SubjectRequest request = notYetCarriedOut(open(requestId, version));
        reasonProblem(reason, true, "reason");
        request.resolve(RequestStatus.REJECTED, FreeText.clean(reason), caller.actor(), OffsetDateTime.now(clock));
        audit.record(AuditAction.REQUEST_REJECTED, request.getCustomerId(), "#" + requestId);
        mails.rejected(customer(request), request);
    }

    private SubjectRequest open(long requestId, long version) {
        SubjectRequest request = em.find(SubjectRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw new Refusal("requests.notFound");
        }
        if (request.getVersion() != version) {
            throw new Refusal("requests.stale");
        }
        if (!request.isOpen()) {
            throw new Refusal("requests.closed");
        }
        return request;
    }

    /** Carried out and told to the platforms: only their confirmations (or an extension) are left. */
    private static SubjectRequest notYetCarriedOut(SubjectRequest request) {
        if (request.isAwaitingPlatforms()) {
            throw new Refusal("requests.awaitingPlatforms");
        }
        return request;
    }

    private Customer customer(SubjectRequest request) {
        return em.find(Customer.class, request.getCustomerId());
    }

    private static void reasonProblem(String reason, boolean required, String field) {
        FreeText.problem(reason, REASON_MAX, required).ifPresent(problem -> {
            throw new InvalidInput(Map.of(field, problem));
        });
    }
}

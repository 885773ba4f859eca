package se.somg.portal.request;

import static se.somg.portal.kernel.Role.Names.CUSTOMER;
import static se.somg.portal.kernel.Role.Names.PRIVACY_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.somg.portal.Controller;
import se.somg.portal.FreeText;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.account.CurrentCustomer;
import se.somg.portal.account.Customer;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.kernel.Caller;

/** Complaints about how SOMG handles personal data (policy §13), and the privacy officer's answers. */
@Stateless
public class ComplaintService {

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    /** Complaints a customer may file in a day: enough for any real grievance, not enough to bury the desk. */
    static final int LIMIT = 5;

    static final java.time.Duration LIMIT_PERIOD = java.time.Duration.ofDays(1);
    static final java.time.Duration SAME_COMPLAINT = java.time.Duration.ofMinutes(10);

    @Inject
    private CurrentCustomer current;

    @Inject
    private Caller caller;

    @Inject
    private AuditTrail audit;

    @Inject
    private RequestMails mails;

    @Inject
    private Controller controller;

    @RolesAllowed(CUSTOMER)
    public Complaint file(ComplaintCategory category, String text) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (category == null) {
            problems.put("category", "complaints.category.required");
        }
        FreeText.problem(text, Complaint.MAX_TEXT, true).ifPresent(problem -> problems.put("text", problem));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Customer customer = current.get();
        // under the customer's row lock: a double click on two nodes files one complaint, and the limit holds
        em.lock(customer, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String cleaned = FreeText.clean(text);
        List<Complaint> recent = em.createQuery(
                        "SELECT c FROM Complaint c WHERE c.customerId = :customer AND c.filedAt > :since ORDER BY c.filedAt DESC",
                        Complaint.class)
                .setParameter("customer", customer.getId())
                .setParameter("since", now.minus(LIMIT_PERIOD))
                .getResultList();
        for (Complaint earlier : recent) {
            if (earlier.getCategory() == category
                    && earlier.getText().equals(cleaned)
                    && earlier.getFiledAt().isAfter(now.minus(SAME_COMPLAINT))) {
                return earlier; // the same complaint sent again (a double click, a reload): it is filed once
            }
        }
        if (recent.size() >= LIMIT) {
            throw new Refusal("complaints.tooMany", controller.getEmail());
        }
        Complaint complaint = new Complaint(customer.getId(), category, cleaned, now);
        em.persist(complaint);
        em.flush();
        audit.record(AuditAction.COMPLAINT_FILED, customer.getId(), category + " #" + complaint.getId());
        mails.complaintFiled(customer);
        return complaint;
    }

    @RolesAllowed(CUSTOMER)
    public List<Complaint> mine() {
        return em.createQuery(
                        "SELECT c FROM Complaint c WHERE c.customerId = :customer ORDER BY c.filedAt DESC",
                        Complaint.class)
                .setParameter("customer", current.get().getId())
                .getResultList();
    }

    /** Unanswered first, oldest first among them. */
    @RolesAllowed(PRIVACY_OFFICER)
    public List<Complaint> all() {
        return em.createQuery("""
                        SELECT c FROM Complaint c ORDER BY CASE WHEN c.answeredAt IS NULL THEN 0 ELSE 1 END, c.filedAt""", Complaint.class).setMaxResults(500).getResultList();
    }

    @RolesAllowed(PRIVACY_OFFICER)
    public void answer(long complaintId, long version, String answer) {
        FreeText.problem(answer, Complaint.MAX_TEXT, true).ifPresent(problem -> {
            throw new InvalidInput(Map.of("answer", problem));
        });
        Complaint complaint = em.find(Complaint.class, complaintId, LockModeType.PESSIMISTIC_WRITE);
        if (complaint == null) {
            throw new Refusal("complaints.notFound");
        }
        if (complaint.getVersion() != version) {
            throw new Refusal("complaints.stale");
        }
        complaint.answer(FreeText.clean(answer), caller.actor(), OffsetDateTime.now(clock));
        audit.record(AuditAction.COMPLAINT_ANSWERED, complaint.getCustomerId(), "#" + complaintId);
        mails.complaintAnswered(em.find(Customer.class, complaint.getCustomerId()), complaint);
    }
}

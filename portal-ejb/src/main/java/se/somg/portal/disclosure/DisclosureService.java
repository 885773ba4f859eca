package se.somg.portal.disclosure;

import static se.somg.portal.kernel.Role.Names.PRIVACY_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.somg.portal.FreeText;
import se.somg.portal.InvalidInput;
import se.somg.portal.Sweden;
import se.somg.portal.account.Credential;
import se.somg.portal.account.Customer;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.kernel.Caller;

/**
 * Records disclosures to authorities that the law required (policy §5.6). Only the privacy officer records
 * them; the customer sees each one among the recipients in their register extract.
 */
@Stateless
@RolesAllowed(PRIVACY_OFFICER)
public class DisclosureService {

    @Inject
    private Clock clock;

    public static final int RECIPIENT_MAX = 200;
    public static final int TEXT_MAX = 500;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private AuditTrail audit;

    public LawfulDisclosure record(
            String customerEmail, String recipient, String legalGround, LocalDate disclosedOn, String categories) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<Customer> customers = customerEmail == null
                ? List.of()
                : em.createQuery(
                                "SELECT c FROM Customer c WHERE c.credential.email = :email AND c.anonymisedAt IS NULL",
                                Customer.class)
                        .setParameter("email", Credential.normalise(customerEmail))
                        .getResultList();
        if (customers.isEmpty()) {
            problems.put("customer", "disclosures.customer.unknown");
        }
        FreeText.problem(recipient, RECIPIENT_MAX, true).ifPresent(problem -> problems.put("recipient", problem));
        FreeText.problem(legalGround, TEXT_MAX, true).ifPresent(problem -> problems.put("legalGround", problem));
        FreeText.problem(categories, TEXT_MAX, true).ifPresent(problem -> problems.put("categories", problem));
        if (disclosedOn == null) {
            problems.put("disclosedOn", "disclosures.date.required");
        } else if (disclosedOn.isAfter(LocalDate.now(Sweden.ZONE))) {
            problems.put("disclosedOn", "disclosures.date.future");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Customer customer = customers.get(0);
        LawfulDisclosure disclosure = new LawfulDisclosure(
                customer.getId(),
                FreeText.clean(recipient),
                FreeText.clean(legalGround),
                disclosedOn,
                FreeText.clean(categories),
                OffsetDateTime.now(clock),
                caller.actor());
        em.persist(disclosure);
        audit.record(AuditAction.DISCLOSURE_RECORDED, customer.getId(), null);
        return disclosure;
    }

    public List<LawfulDisclosure> recent() {
        return em.createQuery("SELECT d FROM LawfulDisclosure d ORDER BY d.recordedAt DESC", LawfulDisclosure.class)
                .setMaxResults(100)
                .getResultList();
    }
}

package se.somg.portal.consent;

import static se.somg.portal.kernel.Role.Names.COMMUNICATIONS;
import static se.somg.portal.kernel.Role.Names.CUSTOMER;
import static se.somg.portal.kernel.Role.Names.PRIVACY_OFFICER;
import static se.somg.portal.kernel.Role.Names.SUPPORT;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.somg.portal.Refusal;
import se.somg.portal.account.CurrentCustomer;

/**
 * Consents the customer controls and can prove (policy §5.3–5.4, §7): one click gives or withdraws, at once.
 * Every change is an append-only event; the current state is kept beside it under a row lock, so a double
 * click or a replayed request finds the state already changed and writes no second event.
 */
@Stateless
@RolesAllowed(CUSTOMER)
public class ConsentService {

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentCustomer current;

    @Inject
    private ConsentLedger ledger;

    /** The whole consents page in one call: one transaction, the caller looked up once. */
    public ConsentOverview page() {
        long customerId = current.get().getId();
        return new ConsentOverview(rows(customerId), history(customerId));
    }

    public List<ConsentRow> overview() {
        return rows(current.get().getId());
    }

    public List<ConsentEvent> history() {
        return history(current.get().getId());
    }

    private List<ConsentRow> rows(long customerId) {
        Map<Long, Consent> states = em
                .createQuery(
                        "SELECT c FROM Consent c LEFT JOIN FETCH c.lastEvent WHERE c.customerId = :customer",
                        Consent.class)
                .setParameter("customer", customerId)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(c -> c.getPurpose().getId(), Function.identity()));
        List<ConsentPurpose> awaiting = ledger.awaitingReconsent(customerId);
        return purposes().stream()
                .map(p -> new ConsentRow(
                        p,
                        states.containsKey(p.getId()) ? states.get(p.getId()).getLastEvent() : null,
                        awaiting.contains(p)))
                .toList();
    }

    /** @return the event that gives the consent: a new one, or the one that already did */
    public ConsentEvent grant(String purposeCode) {
        return ledger.change(
                current.get().getId(), purposeCode, true, ConsentMethod.PORTAL, null, OffsetDateTime.now(clock));
    }

    /** @return the event that withdrew the consent, or null where it was never given */
    public ConsentEvent withdraw(String purposeCode) {
        return ledger.change(
                current.get().getId(), purposeCode, false, ConsentMethod.PORTAL, null, OffsetDateTime.now(clock));
    }

    private List<ConsentEvent> history(long customerId) {
        return em.createQuery(
                        "SELECT e FROM ConsentEvent e WHERE e.customerId = :customer ORDER BY e.occurredAt DESC, e.id DESC",
                        ConsentEvent.class)
                .setParameter("customer", customerId)
                .getResultList();
    }

    /** One of the caller's own events, for its receipt; anyone else's is not found. */
    public ConsentEvent ownEvent(long eventId) {
        ConsentEvent event = em.find(ConsentEvent.class, eventId);
        if (event == null || !event.getCustomerId().equals(current.get().getId())) {
            throw new Refusal("consent.notFound");
        }
        return event;
    }

    /** Marketing may reach a customer only while a marketing consent is given (services ask here, keep no flag). */
    @RolesAllowed({CUSTOMER, SUPPORT, PRIVACY_OFFICER, COMMUNICATIONS})
    public boolean marketingAllowed(long customerId) {
        return ledger.marketingAllowed(customerId);
    }

    @RolesAllowed({CUSTOMER, SUPPORT, PRIVACY_OFFICER, COMMUNICATIONS})
    public List<ConsentPurpose> purposes() {
        return ledger.purposes();
    }
}

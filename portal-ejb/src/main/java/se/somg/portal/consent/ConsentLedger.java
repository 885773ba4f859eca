package se.somg.portal.consent;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.somg.portal.Refusal;
import se.somg.portal.account.Customer;
import se.somg.portal.kernel.CurrentPolicy;
import se.somg.portal.kernel.CustomerChange;

/**
 * Writes consent changes: an append-only event and the current state beside it, under a row lock, so that a
 * change that is already in place (a double click, a replayed request) writes nothing.
 */
@Dependent
public class ConsentLedger {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<MarketingNoLongerAllowed> marketingEnded;

    @Inject
    private CurrentPolicy policy;

    @Inject
    private Event<CustomerChange> changes;

    public List<ConsentPurpose> purposes() {
        return em.createQuery("SELECT p FROM ConsentPurpose p ORDER BY p.displayOrder", ConsentPurpose.class)
                .getResultList();
    }

    public Optional<ConsentPurpose> purpose(String code) {
        return em.createQuery("SELECT p FROM ConsentPurpose p WHERE p.code = :code", ConsentPurpose.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    /**
     * @return the event that put the consent in the asked state (new, or the one already in force); null when
     * withdrawing a consent that was never given
     */
    public ConsentEvent change(
            Long customerId,
            String purposeCode,
            boolean given,
            ConsentMethod method,
            String staffActor,
            OffsetDateTime at) {
        return change(customerId, purposeCode, given, method, staffActor, at, policy.number(at));
    }

    /**
     * A consent given or withdrawn on one of SOMG's platforms, under the policy version in force there. A decision
     * the customer made later (in the portal, or on another platform) stands: the platform's older one is not
     * recorded.
     *
     * @return whether it was recorded (false: the customer decided later, or it was already so)
     */
    public boolean fromPlatform(
            Long customerId, String purposeCode, boolean given, String platform, OffsetDateTime at, int policyVersion) {
        ConsentPurpose purpose = purpose(purposeCode).orElseThrow(() -> new Refusal("consent.unknown"));
        ConsentEvent last = lockedState(customerId, purpose).getLastEvent();
        if (last != null && last.getOccurredAt().isAfter(at)) {
            return false;
        }
        ConsentEvent event = change(
                customerId, purposeCode, given, ConsentMethod.PLATFORM, "platform:" + platform, at, policyVersion);
        return event != null && event != last;
    }

    private ConsentEvent change(
            Long customerId,
            String purposeCode,
            boolean given,
            ConsentMethod method,
            String staffActor,
            OffsetDateTime at,
            int policyVersion) {
        ConsentPurpose purpose = purpose(purposeCode).orElseThrow(() -> new Refusal("consent.unknown"));
        Consent state = lockedState(customerId, purpose);
        boolean inPlace = state.getLastEvent() == null ? !given : state.isGiven() == given;
        // Giving again a consent that waits for an answer after a policy change is what ends the waiting,
        // so it is recorded even though the state already says "given".
        boolean answersTheQuestion =
                given && state.isGiven() && awaitingReconsent(customerId).contains(purpose);
        if (inPlace && !answersTheQuestion && !(method == ConsentMethod.RECONSENT && state.getLastEvent() != null)) {
            return state.getLastEvent();
        }
        ConsentEvent event = new ConsentEvent(customerId, purpose, given, at, policyVersion, method, staffActor);
        em.persist(event);
        state.record(event);
        // SOMG's platforms hear it too (their feature observes): the purpose and the answer, never an address
        changes.fire(new CustomerChange(
                customerId,
                given ? CustomerChange.Kind.CONSENT_GIVEN : CustomerChange.Kind.CONSENT_WITHDRAWN,
                Map.of(
                        "purpose",
                        purpose.getCode(),
                        "given",
                        given,
                        "policyVersion",
                        policyVersion,
                        "method",
                        method.name()),
                at,
                CustomerChange.aboutConsentEvent(event.getId())));
        if (!given && purpose.isGatesMarketing()) {
            em.flush();
            if (!marketingAllowed(customerId)) {
                // policy §5.4: no marketing without consent; the contact preferences follow (their feature observes)
                marketingEnded.fire(new MarketingNoLongerAllowed(customerId, at));
            }
        }
        return event;
    }

    /**
     * Marketing needs a marketing consent in force (view {@code consent_in_force}: given, and not waiting for an
     * answer after a policy change).
     */
    public boolean marketingAllowed(long customerId) {
        if (em.find(Customer.class, customerId).isRestricted()) {
            return false; // GDPR art. 18: a restricted account is stored, not marketed to
        }
        return (Boolean) em.createNativeQuery(
                        "SELECT EXISTS (SELECT 1 FROM consent_in_force f WHERE f.customer_id = ?1 AND f.gates_marketing)")
                .setParameter(1, customerId)
                .getSingleResult();
    }

    /**
     * Consents given before a policy version in force that asks for them again: given, yet not in force. Until
     * the customer answers, they count as not given.
     */
    public List<ConsentPurpose> awaitingReconsent(long customerId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        SELECT k.purpose_id FROM consent k JOIN consent_purpose p ON p.id = k.purpose_id
                        WHERE k.customer_id = ?1 AND k.given
                          AND NOT EXISTS (SELECT 1 FROM consent_in_force f WHERE f.customer_id = k.customer_id AND f.purpose_id = k.purpose_id)
                        ORDER BY p.display_order""").setParameter(1, customerId).getResultList();
        return ids.stream()
                .map(id -> em.find(ConsentPurpose.class, id.longValue()))
                .toList();
    }

    /** The state row, created if missing, locked for the rest of the transaction. */
    private Consent lockedState(Long customerId, ConsentPurpose purpose) {
        em.createNativeQuery("""
                        INSERT INTO consent (id, customer_id, purpose_id, given, version)
                        VALUES (nextval('consent_seq'), ?1, ?2, FALSE, 0)
                        ON CONFLICT (customer_id, purpose_id) DO NOTHING""")
                .setParameter(1, customerId)
                .setParameter(2, purpose.getId())
                .executeUpdate();
        return em.createQuery(
                        "SELECT c FROM Consent c WHERE c.customerId = :customer AND c.purpose = :purpose",
                        Consent.class)
                .setParameter("customer", customerId)
                .setParameter("purpose", purpose)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
    }
}

package se.somg.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import se.somg.portal.Refusal;
import se.somg.portal.kernel.CustomerChange;
import se.somg.portal.kernel.PlatformConfirmations;
import se.somg.portal.kernel.PlatformsConfirmed;

/**
 * Settles the platforms' confirmations of one person's change: a platform's confirmation or the privacy officer's
 * record of why a platform cannot. The person's row is locked first, so of two platforms confirming at once the second
 * waits and then sees the first's confirmation; whichever settles the last announces it.
 */
@ApplicationScoped
public class PlatformSettlement implements PlatformConfirmations {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<PlatformsConfirmed> settled;

    @Override
    public long outstanding(long customerId, CustomerChange.Kind kind) {
        return ((Number) em.createNativeQuery("""
                                SELECT count(*) FROM platform_event
                                WHERE customer_id = ?1 AND type = ?2
                                  AND needs_confirmation AND confirmed_at IS NULL AND waived_at IS NULL""")
                        .setParameter(1, customerId)
                        .setParameter(2, kind.type())
                        .getSingleResult())
                .longValue();
    }

    /**
     * Runs {@code settle} on one platform's event (a statement setting {@code confirmed_at} or {@code waived_at}, with
     * parameters {@code ?1} the event's id and {@code ?2} the platform's code or null for any) with the person's row
     * locked, then announces when no platform holding the person owes this kind of change any more.
     *
     * @throws Refusal {@code notFound} when there is no such event (of this platform)
     */
    void settle(String eventId, String platform, String notFound, SettleStatement settle) {
        @SuppressWarnings("unchecked")
        List<Object[]> events = em.createNativeQuery("""
                        SELECT customer_id, type FROM platform_event
                        WHERE id = ?1 AND (CAST(?2 AS VARCHAR) IS NULL OR platform_code = ?2)""")
                .setParameter(1, eventId)
                .setParameter(2, platform)
                .getResultList();
        if (events.isEmpty()) {
            throw new Refusal(notFound);
        }
        Long customerId = events.get(0)[0] == null ? null : ((Number) events.get(0)[0]).longValue();
        if (customerId != null) {
            em.createNativeQuery("SELECT id FROM customer WHERE id = ?1 FOR UPDATE")
                    .setParameter(1, customerId)
                    .getResultList();
        }
        settle.run(eventId, platform);
        if (customerId == null) {
            return;
        }
        CustomerChange.Kind.ofType((String) events.get(0)[1])
                .filter(CustomerChange.Kind::needsConfirmation)
                .filter(kind -> outstanding(customerId, kind) == 0)
                .ifPresent(kind -> settled.fire(new PlatformsConfirmed(customerId, kind, platform == null)));
    }

    /** The statement that settles one event. */
    @FunctionalInterface
    interface SettleStatement {
        void run(String eventId, String platform);
    }
}

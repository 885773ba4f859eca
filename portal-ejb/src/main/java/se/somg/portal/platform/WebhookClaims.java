package se.somg.portal.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two short transactions around one webhook delivery: claiming a due event for a lease (SKIP LOCKED, so both
 * nodes claim different events), and recording what the platform answered. The post itself happens between them
 * with no transaction and no row lock, so a slow platform holds up no erasure, confirmation or feed reader. Per
 * person only the oldest event not yet delivered is due, so a platform hears a person's changes in order; a
 * failure puts all of the platform's waiting events back by the same growing delay (one dead platform does not use
 * up the senders' time).
 */
@Stateless
@PermitAll
public class WebhookClaims {

    /** Longer than a post can take (5 s to connect, 10 s to answer): a lease that runs out means its node died. */
    static final int LEASE_SECONDS = 60;

    @PersistenceContext
    private EntityManager em;

    /** The first wait after a failed try, doubling each time up to an hour (tests shorten it). */
    @Inject
    @ConfigProperty(name = "portal.webhook.retry-seconds", defaultValue = "30")
    private long retrySeconds;

    /** One event on its way: what to post where. */
    public record Claimed(long seq, String id, String body, String url, String secret, int attempts) {}

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Claimed> claimNext() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                        SELECT e.seq, e.id, e.body, p.webhook_url, p.webhook_secret, e.attempts
                        FROM platform_event e JOIN platform p ON p.code = e.platform_code
                        WHERE e.delivered_at IS NULL AND e.given_up_at IS NULL AND e.next_attempt_at <= now()
                          AND (e.leased_until IS NULL OR e.leased_until < now())
                          AND p.active AND p.webhook_url IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM platform_event earlier
                                          WHERE earlier.platform_code = e.platform_code
                                            AND earlier.customer_id = e.customer_id AND earlier.seq < e.seq
                                            AND earlier.delivered_at IS NULL AND earlier.given_up_at IS NULL
                                            AND earlier.next_attempt_at IS NOT NULL)
                        ORDER BY e.next_attempt_at, e.seq LIMIT 1 FOR UPDATE OF e SKIP LOCKED""").getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = due.get(0);
        long seq = ((Number) row[0]).longValue();
        em.createNativeQuery(
                        "UPDATE platform_event SET leased_until = now() + make_interval(secs => ?2) WHERE seq = ?1")
                .setParameter(1, seq)
                .setParameter(2, (double) LEASE_SECONDS)
                .executeUpdate();
        return Optional.of(new Claimed(
                seq, (String) row[1], (String) row[2], (String) row[3], (String) row[4], ((Number) row[5]).intValue()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void delivered(Claimed event) {
        em.createNativeQuery("""
                        UPDATE platform_event SET delivered_at = coalesce(delivered_at, now()), attempts = attempts + 1,
                               last_error = NULL, leased_until = NULL
                        WHERE seq = ?1""").setParameter(1, event.seq()).executeUpdate();
        em.createNativeQuery("""
                        UPDATE platform SET failing_since = NULL
                        WHERE code = (SELECT platform_code FROM platform_event WHERE seq = ?1) AND failing_since IS NOT NULL""").setParameter(1, event.seq()).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(Claimed event, String failure) {
        int attempts = event.attempts() + 1;
        double wait = Math.min(retrySeconds << Math.min(attempts - 1, 20), 3600);
        em.createNativeQuery("""
                        UPDATE platform_event SET attempts = ?2, last_error = ?3, leased_until = NULL,
                               next_attempt_at = now() + make_interval(secs => ?4),
                               given_up_at = CASE WHEN now() + make_interval(secs => ?4) > created_at + interval '3 days'
                                                  THEN now() END
                        WHERE seq = ?1""")
                .setParameter(1, event.seq())
                .setParameter(2, attempts)
                .setParameter(3, failure.length() > 300 ? failure.substring(0, 300) : failure)
                .setParameter(4, wait)
                .executeUpdate();
        // the platform is down, not this event: its other waiting events wait as long
        em.createNativeQuery("""
                        UPDATE platform_event SET next_attempt_at = now() + make_interval(secs => ?2)
                        WHERE platform_code = (SELECT platform_code FROM platform_event WHERE seq = ?1)
                          AND delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at IS NOT NULL
                          AND next_attempt_at < now() + make_interval(secs => ?2) AND seq <> ?1""")
                .setParameter(1, event.seq())
                .setParameter(2, wait)
                .executeUpdate();
        em.createNativeQuery("""
                        UPDATE platform SET failing_since = now()
                        WHERE code = (SELECT platform_code FROM platform_event WHERE seq = ?1) AND failing_since IS NULL""").setParameter(1, event.seq()).executeUpdate();
    }
}

package se.somg.portal.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The platform API's reading side: the change feed (the events a platform is told, in order, for a platform that
 * cannot take webhooks or missed some) and confirmations. Open to every caller because the credential passed is the
 * permission: each call names its platform by it, and sees only that platform's events.
 */
@Stateless
@PermitAll
public class PlatformFeed {

    public static final int MOST = 500;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PlatformCredentials credentials;

    @Inject
    private PlatformSettlement settlement;

    /** One event of the feed: its cursor and the CloudEvent as sent. */
    public record FeedEvent(long cursor, String cloudEvent) {}

    /**
     * The platform's events after the cursor (0: from the first), oldest first, at most {@code limit}. Committed
     * events are numbered for the feed here, in the order they were made, by one reader of a platform at a time; an
     * event whose transaction commits after a later one was numbered gets the next number then, so a cursor never
     * passes an event.
     */
    public List<FeedEvent> after(String token, long cursor, int limit) {
        String platform = credentials.require(token);
        Boolean numbering = (Boolean)
                em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('platform_feed'), hashtext(?1))")
                        .setParameter(1, platform)
                        .getSingleResult();
        if (numbering) {
            em.createNativeQuery("""
                            UPDATE platform_event e SET feed_seq = numbered.n
                            FROM (SELECT seq, (SELECT coalesce(max(feed_seq), 0) FROM platform_event
                                               WHERE platform_code = ?1) + row_number() OVER (ORDER BY seq) AS n
                                  FROM platform_event WHERE platform_code = ?1 AND feed_seq IS NULL) numbered
                            WHERE e.seq = numbered.seq""").setParameter(1, platform).executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT feed_seq, body FROM platform_event WHERE platform_code = ?1 AND feed_seq > ?2
                        ORDER BY feed_seq LIMIT ?3""")
                .setParameter(1, platform)
                .setParameter(2, cursor)
                .setParameter(3, Math.max(1, Math.min(limit, MOST)))
                .getResultList();
        return rows.stream()
                .map(row -> new FeedEvent(((Number) row[0]).longValue(), (String) row[1]))
                .toList();
    }

    /**
     * The platform carried the event out. Confirming again changes nothing (the first time stands); another
     * platform's event is not found. The last confirmation a request waits for completes it.
     */
    public void confirm(String token, String eventId) {
        String platform = credentials.require(token);
        settlement.settle(
                eventId,
                platform,
                "platform.event.notFound",
                (id, code) -> em.createNativeQuery("""
                        UPDATE platform_event SET confirmed_at = coalesce(confirmed_at, now())
                        WHERE id = ?1 AND platform_code = ?2""")
                        .setParameter(1, id)
                        .setParameter(2, code)
                        .executeUpdate());
    }
}

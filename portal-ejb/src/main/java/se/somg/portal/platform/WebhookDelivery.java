package se.somg.portal.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts one due event to its platform's webhook, signed per Standard Webhooks, and records the outcome. Each event
 * is its own transaction holding its row lock (SKIP LOCKED), so both nodes deliver together without sending one
 * twice; per person only the oldest event not yet delivered is due, so a platform hears a person's changes in the
 * order they were made. A node that dies after the platform took an event but before the commit sends it again
 * with the same {@code webhook-id}: at least once, and the platform drops what it has seen.
 */
@Stateless
@PermitAll
public class WebhookDelivery {

    /** After three days of failures an event is given up (the platform is marked; the change feed still has it). */
    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** The first wait after a failed try, doubling each time up to an hour (tests shorten it). */
    @Inject
    @ConfigProperty(name = "portal.webhook.retry-seconds", defaultValue = "30")
    private long retrySeconds;

    /** @return whether an event was due (delivered or failed) */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deliverNext() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                        SELECT e.seq, e.id, e.body, p.webhook_url, p.webhook_secret, e.attempts, e.created_at
                        FROM platform_event e JOIN platform p ON p.code = e.platform_code
                        WHERE e.delivered_at IS NULL AND e.given_up_at IS NULL AND e.next_attempt_at <= now()
                          AND p.active AND p.webhook_url IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM platform_event earlier
                                          WHERE earlier.platform_code = e.platform_code
                                            AND earlier.customer_id = e.customer_id AND earlier.seq < e.seq
                                            AND earlier.delivered_at IS NULL AND earlier.given_up_at IS NULL)
                        ORDER BY e.next_attempt_at, e.seq LIMIT 1 FOR UPDATE OF e SKIP LOCKED""").getResultList();
        if (due.isEmpty()) {
            return false;
        }
        Object[] event = due.get(0);
        long seq = ((Number) event[0]).longValue();
        String failure = post((String) event[1], (String) event[2], (String) event[3], (String) event[4]);
        if (failure == null) {
            em.createNativeQuery("""
                            UPDATE platform_event SET delivered_at = now(), attempts = attempts + 1, last_error = NULL
                            WHERE seq = ?1""").setParameter(1, seq).executeUpdate();
            em.createNativeQuery("""
                            UPDATE platform SET failing_since = NULL
                            WHERE code = (SELECT platform_code FROM platform_event WHERE seq = ?1)
                              AND failing_since IS NOT NULL""").setParameter(1, seq).executeUpdate();
        } else {
            int attempts = ((Number) event[5]).intValue() + 1;
            long wait = Math.min(retrySeconds << Math.min(attempts - 1, 20), 3600);
            em.createNativeQuery("""
                            UPDATE platform_event SET attempts = ?2, last_error = ?3,
                                   next_attempt_at = now() + make_interval(secs => ?4),
                                   given_up_at = CASE WHEN now() + make_interval(secs => ?4) > created_at + interval '3 days'
                                                      THEN now() END
                            WHERE seq = ?1""")
                    .setParameter(1, seq)
                    .setParameter(2, attempts)
                    .setParameter(3, failure.length() > 300 ? failure.substring(0, 300) : failure)
                    .setParameter(4, (double) wait)
                    .executeUpdate();
            em.createNativeQuery("""
                            UPDATE platform SET failing_since = now()
                            WHERE code = (SELECT platform_code FROM platform_event WHERE seq = ?1)
                              AND failing_since IS NULL""").setParameter(1, seq).executeUpdate();
        }
        return true;
    }

    /** @return null when the platform took it (2xx), else what went wrong */
    private String post(String id, String body, String url, String secret) {
        long timestamp = clock.instant().getEpochSecond();
        try {
            HttpResponse<Void> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/cloudevents+json")
                            .header("webhook-id", id)
                            .header("webhook-timestamp", String.valueOf(timestamp))
                            .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() / 100 == 2 ? null : "HTTP " + answer.statusCode();
        } catch (IOException | IllegalArgumentException failure) {
            return failure.getClass().getSimpleName() + ": " + failure.getMessage();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}

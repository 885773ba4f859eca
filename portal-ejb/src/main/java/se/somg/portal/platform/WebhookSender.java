package se.somg.portal.platform;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers due platform events every few seconds: each is claimed in a short transaction, posted with none open
 * (signed per Standard Webhooks), and its outcome recorded in another ({@link WebhookClaims}). Delivery is at least
 * once: a node that dies after the platform took an event but before recording it leaves the lease to run out, and
 * the event goes again with the same {@code webhook-id}.
 */
@Singleton
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    private static final long ROUND_NANOS = 2_500_000_000L;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @EJB
    private WebhookClaims claims;

    @Inject
    private Clock clock;

    /** Webhooks inside SOMG's own network (loopback, private and link-local addresses): off unless set. */
    @Inject
    @ConfigProperty(name = "portal.webhook.allow-internal", defaultValue = "false")
    private boolean allowInternal;

    @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false, info = "webhooks")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void drain() {
        try {
            long end = System.nanoTime() + ROUND_NANOS;
            while (System.nanoTime() < end) {
                Optional<WebhookClaims.Claimed> next = claims.claimNext();
                if (next.isEmpty()) {
                    break;
                }
                String failure = post(next.get());
                if (failure == null) {
                    claims.delivered(next.get());
                } else {
                    claims.failed(next.get(), failure);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "webhook delivery stopped for this round: {0}", e.toString());
        }
    }

    /** @return null when the platform took it (2xx), else what went wrong */
    private String post(WebhookClaims.Claimed event) {
        long timestamp = clock.instant().getEpochSecond();
        try {
            URI url = URI.create(event.url());
            if (!allowInternal && isInternal(url.getHost())) {
                return "refused: the webhook's host is an internal address";
            }
            HttpResponse<Void> answer = HTTP.send(
                    HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/cloudevents+json")
                            .header("webhook-id", event.id())
                            .header("webhook-timestamp", String.valueOf(timestamp))
                            .header(
                                    "webhook-signature",
                                    WebhookSignature.sign(event.secret(), event.id(), timestamp, event.body()))
                            .POST(HttpRequest.BodyPublishers.ofString(event.body()))
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

    /** Looked up at each post, so a name that later resolves inside (DNS rebinding) is refused then. */
    static boolean isInternal(String host) throws UnknownHostException {
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (address.isLoopbackAddress()
                    || address.isSiteLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress()
                    || address.isMulticastAddress()) {
                return true;
            }
        }
        return false;
    }
}

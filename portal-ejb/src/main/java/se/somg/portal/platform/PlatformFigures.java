package se.somg.portal.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Each platform's backlog on {@code /metrics}: {@code portal_platform_backlog} (events waiting for its webhook) and
 * {@code portal_platform_oldest_seconds} (how long the oldest has waited), tagged {@code platform="CODE"}. Read
 * every 15 seconds, not at every scrape; a platform added later gets its gauges at the next reading.
 */
@Singleton
@Startup
@PermitAll
public class PlatformFigures {

    private static final Logger LOG = Logger.getLogger(PlatformFigures.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    private MetricRegistry registry;

    private volatile Map<String, double[]> latest = Map.of();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void start() {
        read();
    }

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "platform figures")
    void read() {
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT p.code, count(e.seq),
                                   COALESCE(EXTRACT(EPOCH FROM now() - min(e.created_at)), 0)
                            FROM platform p LEFT JOIN platform_event e ON e.platform_code = p.code
                                 AND e.delivered_at IS NULL AND e.given_up_at IS NULL AND e.next_attempt_at IS NOT NULL
                            GROUP BY p.code""").getResultList();
            Map<String, double[]> figures = new HashMap<>();
            for (Object[] row : rows) {
                figures.put(
                        (String) row[0],
                        new double[] {((Number) row[1]).doubleValue(), ((Number) row[2]).doubleValue()});
            }
            latest = Map.copyOf(figures);
            figures.keySet().stream().filter(registered::add).forEach(this::register);
        } catch (RuntimeException unavailable) {
            // the database away: the gauges keep the last figures until the next reading
            LOG.log(Level.FINE, "platform figures not read: {0}", unavailable.toString());
        }
    }

    private void register(String code) {
        Tag platform = new Tag("platform", code);
        registry.gauge(
                Metadata.builder()
                        .withName("portal.platform.backlog")
                        .withDescription("Events waiting to be delivered to the platform's webhook")
                        .build(),
                () -> latest.getOrDefault(code, new double[2])[0],
                platform);
        registry.gauge(
                Metadata.builder()
                        .withName("portal.platform.oldest.seconds")
                        .withDescription("Age of the oldest event waiting for the platform's webhook, in seconds")
                        .build(),
                () -> latest.getOrDefault(code, new double[2])[1],
                platform);
    }
}

package se.somg.portal.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What happens on this node, counted since it started (Prometheus adds the nodes up): mails sent and failed,
 * logins that succeeded and that were refused, extracts issued. A count, never who.
 */
@ApplicationScoped
public class Counters {

    static final java.util.List<String> NAMES = java.util.List.of(
            "portal.mail.sent",
            "portal.mail.failed",
            "portal.logins.succeeded",
            "portal.logins.refused",
            "portal.extracts.issued");

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    private MetricRegistry registry;

    public void mailSent() {
        registry.counter("portal.mail.sent").inc();
    }

    public void mailFailed() {
        registry.counter("portal.mail.failed").inc();
    }

    public void loginSucceeded() {
        registry.counter("portal.logins.succeeded").inc();
    }

    public void loginRefused() {
        registry.counter("portal.logins.refused").inc();
    }

    public void extractIssued() {
        registry.counter("portal.extracts.issued").inc();
    }
}

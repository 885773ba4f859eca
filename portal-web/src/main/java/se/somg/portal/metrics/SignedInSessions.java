package se.somg.portal.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import se.somg.portal.account.SignedInCaller;

/**
 * How many people are signed in on this node now (the gauge {@code portal.sessions.signed.in}): sessions that
 * hold a signed-in caller, counted as sign-ins and sign-outs, timeouts and erasures come and go. Who, never.
 */
@WebListener
public class SignedInSessions implements ServletContextListener, HttpSessionAttributeListener {

    private static final String CALLER = SignedInCaller.ATTRIBUTE;

    private static final AtomicLong SIGNED_IN = new AtomicLong();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    private MetricRegistry registry;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        registry.gauge(
                Metadata.builder()
                        .withName("portal.sessions.signed.in")
                        .withDescription("Sessions signed in on this node")
                        .build(),
                SIGNED_IN::get);
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        if (CALLER.equals(event.getName())) {
            SIGNED_IN.incrementAndGet();
        }
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        if (CALLER.equals(event.getName())) {
            SIGNED_IN.updateAndGet(n -> Math.max(0, n - 1));
        }
    }
}

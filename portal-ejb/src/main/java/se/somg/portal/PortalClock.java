package se.somg.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock the portal's rules read (how long a login waits after failed attempts, how long a link works,
 * when a request is due, when the retention period ends), in Swedish time. A rule takes "now" from it, never from
 * the system directly, so the rule can be pinned by a test with exact times and a deployment may replace the clock
 * (a CDI alternative).
 */
@ApplicationScoped
public class PortalClock {

    @Produces
    Clock clock() {
        return Clock.system(Sweden.ZONE);
    }
}

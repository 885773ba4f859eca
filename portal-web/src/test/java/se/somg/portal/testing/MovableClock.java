package se.somg.portal.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import se.somg.portal.Sweden;

/**
 * The portal's clock in a test deployment: the real time in Sweden, moved forward when a test says so (through
 * {@link ClockResource}), so a test can let a week pass instead of rewriting the rows it wants aged. Only test
 * archives carry it (a CDI alternative that replaces {@code PortalClock}).
 */
@ApplicationScoped
@Alternative
@Priority(1000)
public class MovableClock {

    private static volatile Duration ahead = Duration.ZERO;

    @Produces
    Clock clock() {
        return new Moved(Sweden.ZONE);
    }

    static void moveAhead(Duration by) {
        ahead = by;
    }

    private static final class Moved extends Clock {

        private final ZoneId zone;

        Moved(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Moved(other);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }
}

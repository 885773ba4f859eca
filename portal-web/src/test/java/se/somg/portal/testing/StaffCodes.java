package se.somg.portal.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import se.somg.portal.account.Totp;
import se.somg.portal.demo.DemoUser;

/**
 * The codes an authenticator app would show, computed from its key as the README tells anyone trying the demo to. The
 * portal accepts a real enrolment's code once, so for such keys {@link #fresh} hands out each time step once (the
 * app's next code is accepted too, for a clock a little ahead) and waits for the next step only when both are used.
 */
public final class StaffCodes {

    private static final Map<String, Long> LAST_STEP = new HashMap<>();

    private StaffCodes() {}

    public static String now(String key) {
        return Totp.codeAt(key, TestClock.now());
    }

    /** A code of the demo staff's key, computed when the portal asks for it. */
    public static Supplier<String> demo() {
        return () -> now(DemoUser.STAFF_TOTP_KEY);
    }

    /** A code of this key that has not been handed out before. */
    public static synchronized String fresh(String key) {
        long step = Awaitility.await("a time step of this key not used yet")
                .atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> unused(key), Objects::nonNull);
        LAST_STEP.put(key, step);
        return Totp.code(key, step);
    }

    private static Long unused(String key) {
        long current = Totp.stepAt(TestClock.now());
        long last = LAST_STEP.getOrDefault(key, Long.MIN_VALUE);
        if (current > last) {
            return current;
        }
        return current + 1 > last ? Long.valueOf(current + 1) : null;
    }
}

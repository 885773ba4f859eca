package se.somg.portal.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import se.somg.portal.devdb.WebSession;

/**
 * A test's hand on the portal's clock: time passes ({@link #passes}) for the server under test, and comes back
 * when the returned handle is closed, so the next test meets the real time again.
 */
public final class TestClock implements AutoCloseable {

    /** How far ahead the portal under test lives now; an authenticator app's codes follow it ({@link StaffCodes}). */
    private static volatile Duration ahead = Duration.ZERO;

    private final String base;

    private TestClock(String base) {
        this.base = base;
    }

    /** The portal under test at {@code base} lives {@code time} ahead until the handle is closed. */
    public static TestClock passes(String base, Duration time) throws Exception {
        send(
                base,
                HttpRequest.newBuilder(URI.create(base + "/api/testing/clock?seconds=" + time.toSeconds()))
                        .PUT(HttpRequest.BodyPublishers.noBody()));
        ahead = time;
        return new TestClock(base);
    }

    /** The time of the portal under test, as a phone that lived through the same days would show it. */
    public static java.time.Instant now() {
        return java.time.Instant.now().plus(ahead);
    }

    @Override
    public void close() throws Exception {
        send(
                base,
                HttpRequest.newBuilder(URI.create(base + "/api/testing/clock")).DELETE());
        ahead = Duration.ZERO;
    }

    private static void send(String base, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> answer = new WebSession().send(request.header("Origin", base));
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("the test clock answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}

package se.somg.portal.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AuthenticatorAppTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T10:00:00+01:00");

    @Test
    void aCodeIsAcceptedOnceAndNoOlderOneAfterIt() {
        AuthenticatorApp app = new AuthenticatorApp(1, "KEY", NOW);
        assertTrue(app.use(100));
        assertFalse(app.use(100), "the same code again (RFC 6238, 5.2)");
        assertFalse(app.use(99), "an older code");
        assertTrue(app.use(101), "the next one");
    }

    @Test
    void onlyAPublicDemoKeyAcceptsACodeAgain() {
        AuthenticatorApp demo = new AuthenticatorApp(2, "KEY", NOW);
        demo.allowReusedCodes();
        assertTrue(demo.use(100));
        assertTrue(demo.use(100));
    }
}

package se.somg.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CredentialTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-25T10:00:00+01:00");

    @Test
    void fourFailuresCostNothingThenEachAttemptWaitsLongerUpToAQuarterOfAnHour() {
        Credential credential = new Credential(" Anna@Example.COM ", "hash", Credential.Kind.CUSTOMER, NOW);
        assertEquals("anna@example.com", credential.getEmail());
        for (int i = 1; i <= 4; i++) {
            credential.recordFailure(NOW);
            assertFalse(credential.isThrottledAt(NOW));
        }
        credential.recordFailure(NOW);
        assertTrue(credential.isThrottledAt(NOW.plusSeconds(29)));
        assertFalse(credential.isThrottledAt(NOW.plusSeconds(30)));
        assertEquals(Duration.ofSeconds(60), Credential.delayAfter(6));
        assertEquals(Duration.ofSeconds(120), Credential.delayAfter(7));
        assertEquals(Duration.ofSeconds(480), Credential.delayAfter(9));
        assertEquals(Duration.ofMinutes(15), Credential.delayAfter(10));
        assertEquals(Duration.ofMinutes(15), Credential.delayAfter(1000));
    }

    @Test
    void successClearsTheCountAndTheDelay() {
        Credential credential = new Credential("b@example.com", "hash", Credential.Kind.CUSTOMER, NOW);
        for (int i = 0; i < 6; i++) {
            credential.recordFailure(NOW);
        }
        credential.recordSuccess();
        assertEquals(0, credential.getFailedAttempts());
        assertNull(credential.getThrottledUntil());
    }

    @Test
    void theOwnerIsToldOfGuessingOnceADay() {
        Credential credential = new Credential("c@example.com", "hash", Credential.Kind.CUSTOMER, NOW);
        for (int i = 0; i < 4; i++) {
            credential.recordFailure(NOW);
        }
        assertFalse(credential.isGuessingToReport(NOW));
        credential.recordFailure(NOW);
        assertTrue(credential.isGuessingToReport(NOW));
        credential.guessingReported(NOW);
        credential.recordFailure(NOW.plusHours(23));
        assertFalse(credential.isGuessingToReport(NOW.plusHours(23)));
        assertTrue(credential.isGuessingToReport(NOW.plusHours(25)));
    }

    @Test
    void endingSessionsMovesToTheNextGeneration() {
        Credential credential = new Credential("d@example.com", "hash", Credential.Kind.CUSTOMER, NOW);
        assertEquals(0, credential.getSessionGeneration());
        assertEquals(1, credential.endSessions());
        assertEquals(1, credential.getSessionGeneration());
    }

    @Test
    void wrongCodesSlowTheAccountDownLikeWrongPasswordsWithACountOfTheirOwn() {
        Credential credential = new Credential("e@example.com", "hash", Credential.Kind.STAFF, NOW);
        for (int i = 1; i <= 4; i++) {
            credential.recordCodeFailure(NOW);
            assertFalse(credential.isCodeThrottledAt(NOW));
        }
        credential.recordCodeFailure(NOW);
        assertTrue(credential.isCodeThrottledAt(NOW.plusSeconds(29)));
        assertFalse(credential.isCodeThrottledAt(NOW.plusSeconds(30)));
        assertFalse(credential.isThrottledAt(NOW), "the password's own count is untouched");
        credential.recordCodeSuccess();
        assertEquals(0, credential.getFailedCodes());
        assertFalse(credential.isCodeThrottledAt(NOW));
    }
}

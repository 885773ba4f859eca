package se.somg.portal.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-25T10:00:00+01:00");

    @Test
    void theFifthFailureInARowLocksForTheGivenTime() {
        Credential credential = new Credential(" Anna@Example.COM ", "hash", Role.CUSTOMER, NOW);
        assertEquals("anna@example.com", credential.getEmail());
        for (int i = 1; i <= 4; i++) {
            credential.recordFailure(NOW, Duration.ofMinutes(15));
            assertFalse(credential.isLockedAt(NOW));
        }
        credential.recordFailure(NOW, Duration.ofMinutes(15));
        assertTrue(credential.isLockedAt(NOW.plusMinutes(14)));
        assertFalse(credential.isLockedAt(NOW.plusMinutes(15)));
    }

    @Test
    void successClearsTheCountAndTheLock() {
        Credential credential = new Credential("b@example.com", "hash", Role.CUSTOMER, NOW);
        credential.recordFailure(NOW, Duration.ofMinutes(15));
        credential.recordSuccess();
        assertEquals(0, credential.getFailedAttempts());
        assertNull(credential.getLockedUntil());
    }
}

package se.somg.portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-25T12:00:00Z");

    @Test
    void backsOffExponentiallyAndGivesUpAfterTheLastAttempt() {
        OutboxMessage message = new OutboxMessage("anna@example.com", "s", "b", NOW);
        message.failed(NOW, "down");
        assertEquals(NOW.plusSeconds(30), message.getNextAttemptAt());
        message.failed(NOW, "down");
        assertEquals(NOW.plusSeconds(60), message.getNextAttemptAt());
        message.failed(NOW, "down");
        assertEquals(NOW.plusSeconds(120), message.getNextAttemptAt());
        for (int i = 3; i < OutboxMessage.MAX_ATTEMPTS; i++) {
            message.failed(NOW, "down");
        }
        assertEquals(OutboxMessage.Status.FAILED, message.getStatus());
        assertEquals(OutboxMessage.MAX_ATTEMPTS, message.getAttempts());
    }

    @Test
    void aSentMessageForgetsTheLastError() {
        OutboxMessage message = new OutboxMessage("anna@example.com", "s", "b", NOW);
        message.failed(NOW, "x".repeat(900));
        assertEquals(500, message.getLastError().length());
        message.sent(NOW);
        assertEquals(OutboxMessage.Status.SENT, message.getStatus());
        assertNull(message.getLastError());
    }
}

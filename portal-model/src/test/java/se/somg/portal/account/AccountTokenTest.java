package se.somg.portal.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** How long a link works, to the second. */
class AccountTokenTest {

    private static final OffsetDateTime SENT = OffsetDateTime.parse("2026-03-28T22:00:00+01:00");

    private static AccountToken token(TokenPurpose purpose) {
        return new AccountToken(
                new Credential("a@example.com", "hash", Credential.Kind.CUSTOMER, SENT), purpose, "hash", null, SENT);
    }

    @Test
    void confirmationLinksWorkForTwentyFourHoursAcrossTheClockChange() {
        for (TokenPurpose purpose :
                new TokenPurpose[] {TokenPurpose.CONFIRM_REGISTRATION, TokenPurpose.CONFIRM_EMAIL_CHANGE}) {
            AccountToken token = token(purpose);
            assertTrue(token.isUsableAt(SENT.plusHours(24).minusSeconds(1)), purpose.name());
            assertFalse(token.isUsableAt(SENT.plusHours(24)), purpose.name());
        }
    }

    @Test
    void aResetLinkWorksForOneHourAndOnce() {
        AccountToken token = token(TokenPurpose.RESET_PASSWORD);
        assertTrue(token.isUsableAt(SENT.plusMinutes(59).plusSeconds(59)));
        assertFalse(token.isUsableAt(SENT.plusHours(1)));
        token.use(SENT.plusMinutes(1));
        assertFalse(token.isUsableAt(SENT.plusMinutes(2)), "used");
    }
}

package se.somg.portal.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238's test key for SHA-1, "12345678901234567890", in base32 as an app would be given it. */
    private static final String RFC_KEY = Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void codesAreThoseOfRfc6238AppendixBCutToSixDigits() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", RFC_KEY);
        // appendix B gives eight digits: 94287082, 07081804, 14050471, 89005924, 69279037, 65353130
        assertEquals("287082", Totp.codeAt(RFC_KEY, Instant.ofEpochSecond(59)));
        assertEquals("081804", Totp.codeAt(RFC_KEY, Instant.ofEpochSecond(1111111109)));
        assertEquals("050471", Totp.codeAt(RFC_KEY, Instant.ofEpochSecond(1111111111)));
        assertEquals("005924", Totp.codeAt(RFC_KEY, Instant.ofEpochSecond(1234567890)));
        assertEquals("279037", Totp.codeAt(RFC_KEY, Instant.ofEpochSecond(2000000000)));
        assertEquals("353130", Totp.codeAt(RFC_KEY, Instant.ofEpochSecond(20000000000L)));
    }

    @Test
    void theCodeOfTheStepBeforeOrAfterIsAcceptedAndNoOther() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.stepAt(now);
        assertEquals(OptionalLong.of(step), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step), now));
        assertEquals(OptionalLong.of(step - 1), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now));
        assertEquals(OptionalLong.of(step + 1), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now));
        assertFalse(
                Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2), now).isPresent());
        assertFalse(
                Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2), now).isPresent());
        assertTrue(Totp.matchingStep(RFC_KEY, " 005 924 ", now).isPresent());
        assertFalse(Totp.matchingStep(RFC_KEY, "", now).isPresent());
        assertFalse(Totp.matchingStep(RFC_KEY, null, now).isPresent());
        assertFalse(Totp.matchingStep(RFC_KEY, "0059245", now).isPresent());
    }

    @Test
    void base32RoundTripsAndForgivesWhatPeopleType() {
        byte[] key = new byte[] {0, 1, 2, 3, (byte) 0xfe, (byte) 0xff, 42, 7, 9, 10};
        assertArrayEquals(key, Base32.decode(Base32.encode(key)));
        assertArrayEquals(Base32.decode("GEZDGNBV"), Base32.decode("gezd gnbv=="));
        assertEquals(32, Totp.newSecret().length());
    }

    @Test
    void theKeyUriNamesIssuerAndAccount() {
        assertEquals(
                "otpauth://totp/SOMG:anna%40example.com?secret=ABC&issuer=SOMG&algorithm=SHA1&digits=6&period=30",
                Totp.keyUri("SOMG", "anna@example.com", "ABC"));
    }
}

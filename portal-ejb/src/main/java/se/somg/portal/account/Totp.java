package se.somg.portal.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticator-app codes (TOTP, RFC 6238) as every app makes them by default: HMAC-SHA1, six digits, 30-second steps,
 * 160-bit keys. A code of the step before or after the current one is accepted too, for a phone's clock that is a
 * little off.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final int STEP_SECONDS = 30;
    /** Steps before and after the current one that are accepted. */
    static final int DRIFT = 1;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(
            java.time.Duration.ofSeconds(STEP_SECONDS),
            DIGITS,
            TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    private Totp() {}

    /** A new key, base32 as the app takes it: 160 random bits (RFC 4226's recommended length). */
    public static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return Base32.encode(key);
    }

    public static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one time step. */
    public static String code(String secret, long step) {
        try {
            return GENERATOR.generateOneTimePasswordString(
                    new SecretKeySpec(Base32.decode(secret), "HmacSHA1"),
                    Instant.ofEpochSecond(step * STEP_SECONDS),
                    Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code an app shows at this moment. */
    public static String codeAt(String secret, Instant instant) {
        return code(secret, stepAt(instant));
    }

    /** @return the time step the typed code belongs to, if it is the code of the current step or one next to it */
    public static OptionalLong matchingStep(String secret, String typed, Instant now) {
        String digits = digitsOf(typed);
        if (digits.length() != DIGITS) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        for (long step = current - DRIFT; step <= current + DRIFT; step++) {
            if (java.security.MessageDigest.isEqual(
                    code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** Blanks and dashes a person types between the digits do not count. */
    static String digitsOf(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "");
    }

    /** The key URI authenticator apps read from the QR code (Google's Key Uri Format). */
    public static String keyUri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits="
                + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

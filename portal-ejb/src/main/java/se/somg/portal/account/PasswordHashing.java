package se.somg.portal.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** PBKDF2-HMAC-SHA512 with 210,000 iterations (OWASP's figure), through Jakarta Security's own hash. */
@ApplicationScoped
public class PasswordHashing {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    /** The stored hash of an account whose owner has not chosen a password yet: nothing verifies against it. */
    public static final String NO_PASSWORD = "NONE";

    @Inject
    private Pbkdf2PasswordHash pbkdf2;

    @Inject
    private HashingGate gate;

    /** Verified against when the e-mail is unknown, so the answer takes as long either way. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = pbkdf2.generate("decoy-password-never-used".toCharArray());
    }

    /** Every hash computed, of a real password or the decoy: what answers to every address cost the same. */
    private final AtomicLong computed = new AtomicLong();

    public String hash(char[] password) {
        computed.incrementAndGet();
        return gate.run(() -> pbkdf2.generate(password));
    }

    public long computed() {
        return computed.get();
    }

    public boolean verify(char[] password, String hash) {
        if (hash == null || !hash.startsWith("PBKDF2")) {
            // an erased account keeps no usable hash; it still costs the same time to be refused
            verifyDecoy(password);
            return false;
        }
        computed.incrementAndGet();
        return gate.run(() -> pbkdf2.verify(password, hash));
    }

    public void verifyDecoy(char[] password) {
        computed.incrementAndGet();
        gate.run(() -> pbkdf2.verify(password, decoy));
    }

    public static boolean isAcceptable(String password) {
        return password != null
                && password.length() >= MIN_LENGTH
                && password.length() <= MAX_LENGTH
                && !password.isBlank();
    }
}

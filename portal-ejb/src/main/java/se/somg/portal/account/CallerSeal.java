package se.somg.portal.account;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what a signed-in browser carries besides its session: the account, its session generation and the session
 * id, under a key the nodes share in PostgreSQL. Payara can hand a node a replicated copy of a session without one
 * of its attributes (two requests of one session saving the same copy at once: the second writes a placeholder
 * for an attribute the first is still writing); the seal lets the session be signed in again from the database,
 * never from the browser's word alone. It is bound to the session id, so it is worth nothing in another session.
 */
@Singleton
@PermitAll
@Lock(LockType.READ)
public class CallerSeal {

    private static final String ALGORITHM = "HmacSHA256";

    @PersistenceContext
    private EntityManager em;

    private volatile SecretKeySpec key;

    /** @return the seal of an account's sign-in in one session */
    public String seal(long credentialId, int generation, String sessionId) {
        return credentialId + "." + generation + "." + mac(credentialId + "." + generation + "." + sessionId);
    }

    /** @return whether the value is this portal's seal of that sign-in in that session */
    public boolean verifies(String value, long credentialId, int generation, String sessionId) {
        return MessageDigest.isEqual(
                seal(credentialId, generation, sessionId).getBytes(StandardCharsets.US_ASCII),
                value.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            // the first node to ask writes it; every other node reads that one
            em.createNativeQuery("INSERT INTO caller_seal_key (id, secret) VALUES (1, ?1) ON CONFLICT (id) DO NOTHING")
                    .setParameter(1, HexFormat.of().formatHex(fresh))
                    .executeUpdate();
            String secret = (String) em.createNativeQuery("SELECT secret FROM caller_seal_key WHERE id = 1")
                    .getSingleResult();
            known = new SecretKeySpec(HexFormat.of().parseHex(secret), ALGORITHM);
            key = known;
        }
        return known;
    }
}

package se.somg.portal.platform;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import se.somg.portal.Refusal;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.kernel.Sha256;

/**
 * A platform's API credentials: a random token shown once, kept as its SHA-256 (a token of 256 random bits needs no
 * slow hash: nothing can be guessed from it). Two may be valid at once, so a platform moves to a new one without a
 * moment in between; issuing a third revokes the oldest.
 */
@Dependent
public class PlatformCredentials {

    static final String PREFIX = "somg_pk_";
    private static final int VALID_AT_ONCE = 2;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    /** @return the code of the active platform whose valid credential this is */
    public Optional<String> platformOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        List<?> rows =
                em.createNativeQuery("""
                        SELECT c.platform_code FROM platform_credential c JOIN platform p ON p.code = c.platform_code
                        WHERE c.token_hash = ?1 AND c.revoked_at IS NULL AND p.active""").setParameter(1, Sha256.hex(token)).getResultList();
        return rows.stream().map(String.class::cast).findFirst();
    }

    /** The code of the platform, or the refusal every unknown, revoked or deactivated credential gets alike. */
    public String require(String token) {
        Optional<String> platform = platformOf(token);
        if (platform.isEmpty()) {
            // committed on its own: the refusal rolls the caller's transaction back
            audit.recordNow(AuditAction.PLATFORM_REFUSED, null, "platform API credential refused");
            throw new Refusal("platform.credential.unauthorized");
        }
        return platform.get();
    }

    String issue(String platformCode) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        em.createNativeQuery("""
                        UPDATE platform_credential SET revoked_at = now()
                        WHERE platform_code = ?1 AND revoked_at IS NULL AND id NOT IN (
                            SELECT id FROM platform_credential WHERE platform_code = ?1 AND revoked_at IS NULL
                            ORDER BY created_at DESC, id DESC LIMIT ?2)""")
                .setParameter(1, platformCode)
                .setParameter(2, VALID_AT_ONCE - 1)
                .executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO platform_credential (platform_code, token_hash, token_prefix, created_at)
                        VALUES (?1, ?2, ?3, now())""")
                .setParameter(1, platformCode)
                .setParameter(2, Sha256.hex(token))
                .setParameter(3, token.substring(0, PREFIX.length() + 4))
                .executeUpdate();
        return token;
    }

    void revokeAll(String platformCode) {
        em.createNativeQuery(
                        "UPDATE platform_credential SET revoked_at = now() WHERE platform_code = ?1 AND revoked_at IS NULL")
                .setParameter(1, platformCode)
                .executeUpdate();
    }
}

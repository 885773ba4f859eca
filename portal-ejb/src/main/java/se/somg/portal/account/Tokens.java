package se.somg.portal.account;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import se.somg.portal.Refusal;

/** Issues and redeems single-use e-mailed links: 256 random bits, stored only as a SHA-256 hash. */
@Dependent
public class Tokens {

    @Inject
    private Clock clock;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    /** 256 random bits, URL-safe: for links and the trusted-device cookie. */
    static String secret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** @return the secret to put in the link; it is never stored */
    public String issue(Credential credential, TokenPurpose purpose, String newEmail) {
        String token = secret();
        em.persist(new AccountToken(credential, purpose, hash(token), newEmail, OffsetDateTime.now(clock)));
        return token;
    }

    /** The token if it would be redeemed now, without using it (a page that shows a form before the link is used). */
    public java.util.Optional<AccountToken> peek(String token, TokenPurpose purpose) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return java.util.Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return em
                .createNamedQuery(AccountToken.BY_HASH, AccountToken.class)
                .setParameter("hash", hash(token))
                .getResultList()
                .stream()
                .filter(t -> t.getPurpose() == purpose && t.isUsableAt(now))
                .findFirst();
    }

    /** Marks the token used and returns it; a wrong, used or expired token is refused the same way. */
    public AccountToken redeem(String token, TokenPurpose purpose) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw new Refusal("link.invalid");
        }
        List<AccountToken> found = em.createNamedQuery(AccountToken.BY_HASH, AccountToken.class)
                .setParameter("hash", hash(token))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (found.isEmpty()
                || found.get(0).getPurpose() != purpose
                || !found.get(0).isUsableAt(now)) {
            throw new Refusal("link.invalid");
        }
        AccountToken redeemed = found.get(0);
        redeemed.use(now);
        return redeemed;
    }

    /**
     * Every link of the account not used yet stops working: when its sessions end (a new password, a new address,
     * "log out everywhere"), a link asked for before must not undo it, such as a change of address an intruder
     * asked for, or a reset link in a mailbox the owner has left.
     */
    public void revokeAll(Credential credential) {
        em.createQuery(
                        "DELETE FROM AccountToken t WHERE t.credential = :credential AND t.usedAt IS NULL AND t.purpose IN :purposes")
                .setParameter("credential", credential)
                .setParameter("purposes", List.of(TokenPurpose.CONFIRM_EMAIL_CHANGE, TokenPurpose.RESET_PASSWORD))
                .executeUpdate();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package se.somg.portal.account;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ten single-use codes that stand in for a lost phone or passkey: made when the first second factor is enrolled (or
 * anew on request, which voids the old ones), shown once, kept as SHA-256 only.
 */
@Dependent
public class RecoveryCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: read off paper
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    /** @return the new codes, in the form they are shown ("ABCD-EFGH-JKLM"); only their hashes are kept */
    public List<String> renew(long credentialId) {
        em.createQuery("DELETE FROM RecoveryCode r WHERE r.credentialId = :id")
                .setParameter("id", credentialId)
                .executeUpdate();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String code = newCode();
            em.persist(new RecoveryCode(credentialId, Tokens.hash(normalise(code)), now));
            codes.add(code);
        }
        return codes;
    }

    /** Uses up the code if it is one of the account's unused ones. */
    public boolean use(long credentialId, String typed) {
        String normalised = normalise(typed);
        if (normalised.length() != 12) {
            return false;
        }
        List<RecoveryCode> found = em.createQuery(
                        "SELECT r FROM RecoveryCode r WHERE r.credentialId = :id AND r.codeHash = :hash AND r.usedAt IS NULL",
                        RecoveryCode.class)
                .setParameter("id", credentialId)
                .setParameter("hash", Tokens.hash(normalised))
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty()) {
            return false;
        }
        found.get(0).use(OffsetDateTime.now(clock));
        return true;
    }

    public long unused(long credentialId) {
        return em.createQuery(
                        "SELECT COUNT(r) FROM RecoveryCode r WHERE r.credentialId = :id AND r.usedAt IS NULL",
                        Long.class)
                .setParameter("id", credentialId)
                .getSingleResult();
    }

    public void removeAll(long credentialId) {
        em.createQuery("DELETE FROM RecoveryCode r WHERE r.credentialId = :id")
                .setParameter("id", credentialId)
                .executeUpdate();
    }

    /** Case, blanks and dashes do not count. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Whether what was typed looks like a recovery code rather than an app's six digits. */
    static boolean looksLikeOne(String typed) {
        return normalise(typed).length() == 12;
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}

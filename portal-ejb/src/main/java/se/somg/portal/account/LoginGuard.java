package se.somg.portal.account;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Checks a login and keeps the per-account lock: five failures in a row lock the account for 15 minutes.
 * The row is locked for the check, so parallel attempts are all counted. No network address is stored.
 */
@Stateless
@PermitAll
public class LoginGuard {

    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing passwords;

    @Inject
    private HashingGate gate;

    /** The permit is taken before the row lock, so a crowd waits without holding connections or locks. */
    public LoginOutcome attempt(String email, char[] password) {
        return gate.run(() -> check(email, password));
    }

    private LoginOutcome check(String email, char[] password) {
        List<Credential> found = em.createNamedQuery(Credential.BY_EMAIL, Credential.class)
                .setParameter("email", Credential.normalise(email))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty() || password == null || password.length == 0) {
            passwords.verifyDecoy(password == null ? new char[0] : password);
            return LoginOutcome.refused();
        }
        Credential credential = found.get(0);
        OffsetDateTime now = OffsetDateTime.now();
        if (credential.isLockedAt(now)) {
            return LoginOutcome.locked(credential.getLockedUntil());
        }
        if (passwords.verify(password, credential.getPasswordHash())) {
            credential.recordSuccess();
            if (!credential.isConfirmed()) {
                return LoginOutcome.unconfirmed();
            }
            em.persist(new LoginRecord(credential, now));
            return LoginOutcome.succeeded(credential.getId(), credential.getRole());
        }
        credential.recordFailure(now, LOCK_DURATION);
        return credential.isLockedAt(now) ? LoginOutcome.locked(credential.getLockedUntil()) : LoginOutcome.refused();
    }
}

package se.somg.portal.account;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.mail.Outbox;

/**
 * Every check of a password, at login and wherever the signed-in person types theirs again (password change,
 * e-mail change, the register extract), under one rule: after {@value Credential#FREE_ATTEMPTS} wrong passwords
 * in a row the account waits longer before each next check ({@link Credential#delayAfter}), and a password sent
 * while it waits is not even checked. Nobody can lock the owner out: a browser the owner signed in with before
 * ({@link TrustedDevice}) does not wait for someone else's guessing. The owner is told by mail. Every address,
 * with an account or without, gets the same answer in the same time. No network address is stored.
 */
@Stateless
@PermitAll
public class LoginGuard {

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing passwords;

    @Inject
    private HashingGate gate;

    @Inject
    private Outbox outbox;

    @Inject
    private MailTemplates mails;

    @Inject
    private se.somg.portal.metrics.Counters counters;

    /**
     * @param deviceToken the {@code portal_device} cookie's value, if the browser sent one
     *                    <p>The permit is taken before the row lock, so a crowd waits without holding connections or locks.
     */
    public LoginOutcome attempt(String email, char[] password, String deviceToken) {
        LoginOutcome outcome = gate.run(() -> check(email, password, deviceToken));
        if (outcome.getKind() == LoginOutcome.Kind.SUCCEEDED) {
            counters.loginSucceeded();
        } else {
            counters.loginRefused();
        }
        return outcome;
    }

    private LoginOutcome check(String email, char[] password, String deviceToken) {
        List<Credential> found = email == null
                ? List.of()
                : em.createNamedQuery(Credential.BY_EMAIL, Credential.class)
                        .setParameter("email", Credential.normalise(email))
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList();
        if (found.isEmpty() || password == null || password.length == 0) {
            passwords.verifyDecoy(password == null ? new char[0] : password);
            return LoginOutcome.refused();
        }
        Credential credential = found.get(0);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<TrustedDevice> device = trustedDevice(deviceToken, credential);
        if (!verified(credential, device, password, now)) {
            return LoginOutcome.refused();
        }
        if (!credential.isConfirmed()) {
            return LoginOutcome.unconfirmed();
        }
        em.persist(new LoginRecord(credential, now));
        String token = device.isPresent() ? deviceToken : trust(credential, now);
        return LoginOutcome.succeeded(
                credential.getId(), credential.getRole(), credential.getSessionGeneration(), token);
    }

    /**
     * The signed-in person's own password, typed again. Runs in a transaction of its own, so a wrong password
     * counts even though the caller's change is refused and rolled back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean confirmOwn(long credentialId, char[] password) {
        return gate.run(() -> {
            Credential credential = em.find(Credential.class, credentialId, LockModeType.PESSIMISTIC_WRITE);
            return credential != null
                    && password != null
                    && password.length > 0
                    && verified(credential, Optional.empty(), password, OffsetDateTime.now(clock));
        });
    }

    private boolean verified(
            Credential credential, Optional<TrustedDevice> device, char[] password, OffsetDateTime now) {
        if (device.isEmpty() && credential.isThrottledAt(now)) {
            // not checked, not counted: waiting cannot be prolonged by trying; the same time as a real check
            passwords.verifyDecoy(password);
            return false;
        }
        if (passwords.verify(password, credential.getPasswordHash())) {
            credential.recordSuccess();
            device.ifPresent(d -> d.used(now));
            return true;
        }
        if (device.isPresent()) {
            if (device.get().failed()) {
                em.remove(device.get());
            }
        } else {
            credential.recordFailure(now);
            if (credential.isGuessingToReport(now)) {
                credential.guessingReported(now);
                outbox.enqueue(
                        credential.getId(), mails.compose(credential.getEmail(), languageOf(credential), "guessing"));
            }
        }
        return false;
    }

    private Optional<TrustedDevice> trustedDevice(String token, Credential credential) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return em
                .createNamedQuery(TrustedDevice.BY_TOKEN, TrustedDevice.class)
                .setParameter("hash", Tokens.hash(token))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .stream()
                .filter(d -> d.belongsTo(credential))
                .findFirst();
    }

    /** @return the new token for the browser's cookie; only its hash is kept */
    private String trust(Credential credential, OffsetDateTime now) {
        String token = Tokens.secret();
        em.persist(new TrustedDevice(credential, Tokens.hash(token), now));
        return token;
    }

    private String languageOf(Credential credential) {
        return em
                .createNamedQuery(Customer.BY_CREDENTIAL, Customer.class)
                .setParameter("credentialId", credential.getId())
                .getResultList()
                .stream()
                .map(Customer::getPreferredLanguage)
                .findFirst()
                .orElse("sv");
    }
}

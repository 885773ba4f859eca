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
import se.somg.portal.Refusal;
import se.somg.portal.kernel.Role;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.mail.Outbox;
import se.somg.portal.metrics.Counters;

/**
 * Every sign-in, and every check of a password wherever the signed-in person types theirs again (password change,
 * e-mail change, the register extract), under one rule: after {@value Credential#FREE_ATTEMPTS} wrong passwords
 * in a row the account waits longer before each next check ({@link Credential#delayAfter}), and a password sent
 * while it waits is not even checked. Nobody can lock the owner out: a browser the owner signed in with before
 * ({@link TrustedDevice}) does not wait for someone else's guessing. The owner is told by mail. Every address,
 * with an account or without, gets the same answer in the same time. No network address is stored.
 *
 * <p>A right password is not always the end: staff always give a second factor, customers who enrolled one give it
 * except in a browser they marked as trusted ({@link #secondStep}, {@link #passkey}). A staff member without any
 * second factor is signed in only to enrol one ({@link Role.Names#ENROLLING}).
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
    private Counters counters;

    @Inject
    private SecondFactorCheck secondFactors;

    @Inject
    private CallerRoles roles;

    @Inject
    private PasskeyCeremonies ceremonies;

    @Inject
    private AccountLanguage language;

    @Inject
    private Tokens tokens;

    @Inject
    private SignInFailures failures;

    @Inject
    private TrustedDevices devices;

    /**
     * @param deviceToken the {@code portal_device} cookie's value, if the browser sent one
     * @param userAgent   the browser's User-Agent header; only its coarse family is kept
     *                    <p>The permit is taken before the row lock, so a crowd waits without holding connections or locks.
     */
    public LoginOutcome attempt(String email, char[] password, String deviceToken, String userAgent) {
        return counted(gate.run(() -> check(email, password, deviceToken, userAgent)));
    }

    /**
     * The second step, after a right password on this session: a code from the authenticator app or a recovery
     * code. Refused when the account's sessions ended meanwhile (a new password) or the staff member was deactivated.
     *
     * @param trustBrowser the customer chose not to be asked again in this browser
     */
    public LoginOutcome secondStep(
            long credentialId,
            int generation,
            String code,
            String deviceToken,
            boolean trustBrowser,
            String userAgent) {
        Credential credential = em.find(Credential.class, credentialId, LockModeType.PESSIMISTIC_WRITE);
        if (credential == null || credential.getSessionGeneration() != generation) {
            return counted(LoginOutcome.refused());
        }
        Optional<StaffMember> staff = staffOf(credential);
        if (staff.isPresent() && !staff.get().isActive()) {
            return counted(LoginOutcome.refused());
        }
        Optional<TrustedDevice> device = trustedDevice(deviceToken, credential);
        Optional<SignInMethod> method = secondFactors.verify(credential, code, device.isPresent());
        if (method.isEmpty()) {
            return counted(LoginOutcome.refused());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return counted(signedIn(
                credential, staff, method.get(), device, deviceToken, trustBrowser && staff.isEmpty(), userAgent, now));
    }

    /**
     * A passkey: alone ({@code credentialId} null: the passkey says whose account it is), or as the second step after
     * the password of that account.
     *
     * @param challenge the challenge this session's browser was given, once
     */
    public LoginOutcome passkey(
            String response,
            byte[] challenge,
            Long credentialId,
            Integer generation,
            String deviceToken,
            String userAgent) {
        try {
            PasskeyCeremonies.Claimed claimed = ceremonies.claimed(response);
            List<Passkey> found = em.createNamedQuery(Passkey.BY_KEY_ID, Passkey.class)
                    .setParameter("keyId", claimed.keyId())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            if (found.isEmpty()) {
                return counted(LoginOutcome.refused());
            }
            Passkey passkey = found.get(0);
            Credential credential =
                    em.find(Credential.class, passkey.getCredentialId(), LockModeType.PESSIMISTIC_WRITE);
            Optional<StaffMember> staff = staffOf(credential);
            boolean belongs = (credentialId == null || credentialId.equals(credential.getId()))
                    && (generation == null || generation == credential.getSessionGeneration())
                    && claimed.userHandle()
                            .map(handle -> handle.equals(credential.getPasskeyUserHandle()))
                            .orElse(true)
                    && credential.isConfirmed()
                    && staff.map(StaffMember::isActive).orElse(true);
            if (!belongs) {
                return counted(LoginOutcome.refused());
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            passkey.used(ceremonies.verify(response, challenge, passkey), now);
            return counted(signedIn(
                    credential,
                    staff,
                    SignInMethod.PASSKEY,
                    trustedDevice(deviceToken, credential),
                    deviceToken,
                    false,
                    userAgent,
                    now));
        } catch (Refusal notAValidPasskey) {
            return counted(LoginOutcome.refused());
        }
    }

    /**
     * {@code PublicKeyCredentialRequestOptions} for a sign-in: any passkey of this site ({@code credentialId} null,
     * the authenticator offers its own), or the passkeys of the account whose password was just given.
     */
    public String passkeyOptions(byte[] challenge, Long credentialId) {
        List<String> allowed = credentialId == null
                ? List.of()
                : secondFactors.passkeys(credentialId).stream()
                        .map(Passkey::getKeyId)
                        .toList();
        return ceremonies.requestOptions(challenge, allowed);
    }

    private LoginOutcome counted(LoginOutcome outcome) {
        switch (outcome.getKind()) {
            case SUCCEEDED -> counters.loginSucceeded();
            case SECOND_FACTOR -> {
                // neither yet: the second step counts
            }
            default -> counters.loginRefused();
        }
        return outcome;
    }

    private LoginOutcome check(String email, char[] password, String deviceToken, String userAgent) {
        // read without a lock: the row is locked only after the hash, for the bookkeeping (verified)
        List<Credential> found = email == null
                ? List.of()
                : em.createNamedQuery(Credential.BY_EMAIL, Credential.class)
                        .setParameter("email", Credential.normalise(email))
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
        Optional<StaffMember> staff = staffOf(credential);
        if (staff.isPresent() && !staff.get().isActive()) {
            return LoginOutcome.refused(); // deactivated: the same answer as a wrong password
        }
        SecondFactorCheck.Available factors = secondFactors.available(credential.getId());
        boolean trusted = device.map(TrustedDevice::skipsSecondFactor).orElse(false);
        if (factors.any() && (staff.isPresent() || !trusted)) {
            return LoginOutcome.secondFactor(
                    credential.getId(), credential.getSessionGeneration(), factors, staff.isEmpty());
        }
        return signedIn(credential, staff, SignInMethod.PASSWORD, device, deviceToken, false, userAgent, now);
    }

    private LoginOutcome signedIn(
            Credential credential,
            Optional<StaffMember> staff,
            SignInMethod method,
            Optional<TrustedDevice> device,
            String deviceToken,
            boolean trustBrowser,
            String userAgent,
            OffsetDateTime now) {
        boolean newBrowser = device.isEmpty() && hasSignedInBefore(credential);
        String token = device.isPresent() ? deviceToken : Tokens.secret();
        TrustedDevice browser = device.orElseGet(() -> {
            TrustedDevice added = new TrustedDevice(credential, Tokens.hash(token), now);
            em.persist(added);
            em.flush(); // written before the sign-in that names it
            return added;
        });
        browser.used(now);
        if (trustBrowser) {
            browser.skipSecondFactor();
        }
        BrowserFamily family = BrowserFamily.of(userAgent);
        em.persist(
                new LoginRecord(credential, now, method, family.browser(), family.operatingSystem(), browser.getId()));
        if (newBrowser) {
            tellOfNewBrowser(credential, family, now);
        }
        return LoginOutcome.succeeded(
                credential.getId(), roles.of(credential, staff), credential.getSessionGeneration(), token);
    }

    private boolean hasSignedInBefore(Credential credential) {
        return !em.createNativeQuery("SELECT 1 FROM login_record WHERE credential_id = ?1 LIMIT 1")
                .setParameter(1, credential.getId())
                .getResultList()
                .isEmpty();
    }

    /** "New sign-in to your SOMG account", with a link that ends every session and asks for a new password. */
    private void tellOfNewBrowser(Credential credential, BrowserFamily family, OffsetDateTime at) {
        if (!outbox.mayWrite(credential.getId(), "newSignIn", 10, java.time.Duration.ofDays(1))) {
            return;
        }
        String token = tokens.issue(credential, TokenPurpose.SECURE_ACCOUNT, null);
        outbox.enqueue(
                credential.getId(),
                mails.compose(
                        credential.getEmail(),
                        language.of(credential),
                        "newSignIn",
                        MailTemplates.time(at),
                        family.browser(),
                        family.operatingSystem(),
                        new MailTemplates.Link("/secure-account.xhtml?token=" + token)));
    }

    private Optional<StaffMember> staffOf(Credential credential) {
        return roles.staffOf(credential);
    }

    /**
     * The signed-in person's own password, typed again. Runs in a transaction of its own, so a wrong password
     * counts even though the caller's change is refused and rolled back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean confirmOwn(long credentialId, char[] password) {
        return gate.run(() -> {
            Credential credential = em.find(Credential.class, credentialId);
            return credential != null
                    && password != null
                    && password.length > 0
                    && verified(credential, Optional.empty(), password, OffsetDateTime.now(clock));
        });
    }

    /** As {@link #confirmOwn}, with a second factor's code: in its own transaction, so a wrong code counts. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean confirmOwnCode(long credentialId, String code) {
        Credential credential = em.find(Credential.class, credentialId, LockModeType.PESSIMISTIC_WRITE);
        return credential != null && secondFactors.verify(credential, code).isPresent();
    }

    /**
     * The hash is checked with no row locked, so a crowd of sign-ins to one account never queues behind another's quarter
     * second of hashing (a wait the database connection's short time-out would cut); the account is locked for the
     * bookkeeping after it, and read again then.
     */
    private boolean verified(
            Credential credential, Optional<TrustedDevice> device, char[] password, OffsetDateTime now) {
        boolean waiting = device.isEmpty() && credential.isThrottledAt(now);
        boolean right;
        if (waiting) {
            // not checked, not counted: waiting cannot be prolonged by trying; the same time as a real check
            passwords.verifyDecoy(password);
            right = false;
        } else {
            right = passwords.verify(password, credential.getPasswordHash());
        }
        em.refresh(credential, LockModeType.PESSIMISTIC_WRITE);
        if (waiting) {
            return false;
        }
        if (right) {
            credential.recordSuccess();
            device.ifPresent(d -> d.used(now));
            return true;
        }
        failures.count(credential.getId(), now);
        if (device.isPresent()) {
            if (device.get().failed()) {
                em.remove(device.get());
            }
        } else {
            credential.recordFailure(now);
            if (credential.isGuessingToReport(now)) {
                credential.guessingReported(now);
                outbox.enqueue(
                        credential.getId(), mails.compose(credential.getEmail(), language.of(credential), "guessing"));
            }
        }
        return false;
    }

    private Optional<TrustedDevice> trustedDevice(String token, Credential credential) {
        return devices.of(token, credential.getId(), LockModeType.NONE);
    }
}

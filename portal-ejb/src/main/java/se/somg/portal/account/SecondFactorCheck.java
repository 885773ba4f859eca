package se.somg.portal.account;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.mail.Outbox;

/**
 * Every check of a second factor, at sign-in, before a register extract and before a factor is removed, under the
 * password's rule: after {@value Credential#FREE_ATTEMPTS} wrong codes in a row each next try waits longer, and a code
 * sent while the account waits is not even checked. A code is an authenticator app's (each accepted once) or one of
 * the recovery codes (using one mails the owner). Passkeys are checked by {@link PasskeyCeremonies}.
 */
@Dependent
public class SecondFactorCheck {

    /** Which second factors an account has: what the second step of a sign-in may offer. */
    public record Available(boolean app, boolean passkeys) implements Serializable {

        public boolean any() {
            return app || passkeys;
        }
    }

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private RecoveryCodes recoveryCodes;

    @Inject
    private SignInFailures failures;

    @Inject
    private Outbox outbox;

    @Inject
    private MailTemplates mails;

    @Inject
    private AccountLanguage language;

    @Inject
    private AuditTrail audit;

    public Available available(long credentialId) {
        AuthenticatorApp app = em.find(AuthenticatorApp.class, credentialId);
        return new Available(
                app != null && app.isEnabled(), !passkeys(credentialId).isEmpty());
    }

    public List<Passkey> passkeys(long credentialId) {
        return em.createNamedQuery(Passkey.OF_ACCOUNT, Passkey.class)
                .setParameter("credentialId", credentialId)
                .getResultList();
    }

    /**
     * @param credential the account, locked by the caller
     * @return how the code proved the factor, if it did
     */
    public Optional<SignInMethod> verify(Credential credential, String typed) {
        return verify(credential, typed, false);
    }

    /**
     * @param ownersBrowser the code comes from a browser the owner signed in with before (the device cookie): as with
     *     the password, someone guessing elsewhere cannot keep the owner waiting
     */
    public Optional<SignInMethod> verify(Credential credential, String typed, boolean ownersBrowser) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!ownersBrowser && credential.isCodeThrottledAt(now)) {
            return Optional.empty(); // not checked, not counted: waiting cannot be prolonged by trying
        }
        Optional<SignInMethod> method = check(credential, typed, now);
        if (method.isPresent()) {
            credential.recordCodeSuccess();
        } else {
            credential.recordCodeFailure(now);
            failures.count(credential.getId(), now);
        }
        return method;
    }

    private Optional<SignInMethod> check(Credential credential, String typed, OffsetDateTime now) {
        if (RecoveryCodes.looksLikeOne(typed)) {
            if (!recoveryCodes.use(credential.getId(), typed)) {
                return Optional.empty();
            }
            long left = recoveryCodes.unused(credential.getId());
            audit.record(
                    AuditAction.RECOVERY_CODE_USED,
                    language.customerId(credential),
                    "credential:" + credential.getId() + " left=" + left);
            outbox.enqueue(
                    credential.getId(),
                    mails.compose(credential.getEmail(), language.of(credential), "recoveryCodeUsed", left));
            return Optional.of(SignInMethod.RECOVERY_CODE);
        }
        AuthenticatorApp app = em.find(AuthenticatorApp.class, credential.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (app == null || !app.isEnabled()) {
            return Optional.empty();
        }
        OptionalLong step = Totp.matchingStep(app.getSecret(), typed, now.toInstant());
        return step.isPresent() && app.use(step.getAsLong()) ? Optional.of(SignInMethod.CODE) : Optional.empty();
    }
}

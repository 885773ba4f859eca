package se.somg.portal.account;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.somg.portal.InvalidInput;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.mail.Outbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static se.somg.portal.account.Role.Names.COMMUNICATIONS;
import static se.somg.portal.account.Role.Names.CUSTOMER;
import static se.somg.portal.account.Role.Names.PRIVACY_OFFICER;
import static se.somg.portal.account.Role.Names.SUPPORT;

/** Changing a password (knowing the current one) and resetting a forgotten one through an e-mailed link. */
@Stateless
public class PasswordService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing passwords;

    @Inject
    private HashingGate gate;

    @Inject
    private Caller caller;

    @Inject
    private Tokens tokens;

    @Inject
    private Outbox outbox;

    @Inject
    private MailTemplates mails;

    @RolesAllowed({CUSTOMER, SUPPORT, PRIVACY_OFFICER, COMMUNICATIONS})
    public void change(char[] current, char[] replacement) {
        Credential credential = em.find(Credential.class, caller.credentialId());
        if (current == null || !passwords.verify(current, credential.getPasswordHash())) {
            throw new InvalidInput(Map.of("current", "password.current.wrong"));
        }
        setPassword(credential, replacement);
    }

    /**
     * The step-up check before a register extract (policy §7: "we may ask you to identify yourself"). A wrong
     * password counts towards the same lockout as a failed login, so the check cannot be used to guess.
     *
     * @return whether the password is the caller's and the account is not locked
     */
    @RolesAllowed(CUSTOMER)
    public boolean confirmIdentity(char[] password) {
        // the hashing permit before the row lock, as at login: no one waits for a permit while holding the row
        return gate.run(() -> checkIdentity(password));
    }

    private boolean checkIdentity(char[] password) {
        Credential credential = em.find(Credential.class, caller.credentialId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        if (credential.isLockedAt(now)) {
            return false;
        }
        if (password != null && password.length > 0 && passwords.verify(password, credential.getPasswordHash())) {
            credential.recordSuccess();
            return true;
        }
        credential.recordFailure(now, LoginGuard.LOCK_DURATION);
        return false;
    }

    /** Mails a reset link if the address has an account; the caller learns nothing either way. */
    @PermitAll
    public void requestReset(String email, String language) {
        List<Credential> found = em.createNamedQuery(Credential.BY_EMAIL, Credential.class)
                .setParameter("email", Credential.normalise(email)).getResultList();
        if (found.isEmpty()) {
            return;
        }
        Credential credential = found.get(0);
        String token = tokens.issue(credential, TokenPurpose.RESET_PASSWORD, null);
        outbox.enqueue(credential.getId(), mails.compose(credential.getEmail(), languageOf(credential, language), "reset",
                new MailTemplates.Link("/reset-password.xhtml?token=" + token)));
    }

    @PermitAll
    public void reset(String token, char[] replacement) {
        if (replacement == null || !PasswordHashing.isAcceptable(new String(replacement))) {
            throw new InvalidInput(Map.of("password", "account.password.weak"));
        }
        Credential credential = tokens.redeem(token, TokenPurpose.RESET_PASSWORD).getCredential();
        // Only the owner of the address could open the link: that also proves the address and lifts a lock.
        credential.confirm(OffsetDateTime.now());
        credential.recordSuccess();
        setPassword(credential, replacement);
    }

    private void setPassword(Credential credential, char[] replacement) {
        if (replacement == null || !PasswordHashing.isAcceptable(new String(replacement))) {
            throw new InvalidInput(Map.of("password", "account.password.weak"));
        }
        credential.setPasswordHash(passwords.hash(replacement));
        outbox.enqueue(credential.getId(), mails.compose(credential.getEmail(), languageOf(credential, null), "passwordChanged"));
    }

    private String languageOf(Credential credential, String fallback) {
        List<Customer> customer = em.createNamedQuery(Customer.BY_CREDENTIAL, Customer.class)
                .setParameter("credentialId", credential.getId()).getResultList();
        if (!customer.isEmpty()) {
            return customer.get(0).getPreferredLanguage();
        }
        return "en".equals(fallback) ? "en" : "sv";
    }

}

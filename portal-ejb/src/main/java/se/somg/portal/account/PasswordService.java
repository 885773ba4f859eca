package se.somg.portal.account;

import static se.somg.portal.kernel.Role.Names.ADMINISTRATOR;
import static se.somg.portal.kernel.Role.Names.COMMUNICATIONS;
import static se.somg.portal.kernel.Role.Names.CUSTOMER;
import static se.somg.portal.kernel.Role.Names.PRIVACY_OFFICER;
import static se.somg.portal.kernel.Role.Names.SUPPORT;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import se.somg.portal.InvalidInput;
import se.somg.portal.PortalLanguage;
import se.somg.portal.kernel.Caller;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.mail.Outbox;

/** Changing a password (knowing the current one) and resetting a forgotten one through an e-mailed link. */
@Stateless
public class PasswordService {

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing passwords;

    @Inject
    private LoginGuard guard;

    @Inject
    private Caller caller;

    @Inject
    private Tokens tokens;

    @Inject
    private Outbox outbox;

    @Inject
    private MailTemplates mails;

    /**
     * Ends every other session of the account (the caller's own goes on under the new generation).
     *
     * @return the session generation the caller's session must now carry
     */
    @RolesAllowed({CUSTOMER, SUPPORT, PRIVACY_OFFICER, COMMUNICATIONS, ADMINISTRATOR})
    public int change(char[] current, char[] replacement) {
        long id = caller.credentialId();
        if (!guard.confirmOwn(id, current)) {
            throw new InvalidInput(Map.of("current", "password.current.wrong"));
        }
        return setPassword(em.find(Credential.class, id), replacement);
    }

    /**
     * The step-up check before a register extract (policy §7: "we may ask you to identify yourself"). A wrong
     * password counts towards the same throttle as a failed login, so the check cannot be used to guess.
     *
     * @return whether the password is the caller's (and the account is not waiting after wrong passwords)
     */
    @RolesAllowed(CUSTOMER)
    public boolean confirmIdentity(char[] password) {
        return guard.confirmOwn(caller.credentialId(), password);
    }

    /** Mails a reset link if the address has an account; the caller learns nothing either way. */
    @PermitAll
    public void requestReset(String email, String language) {
        List<Credential> found = em.createNamedQuery(Credential.BY_EMAIL, Credential.class)
                .setParameter("email", Credential.normalise(email))
                .getResultList();
        if (found.isEmpty()) {
            return;
        }
        Credential credential = found.get(0);
        if (!outbox.mayWrite(credential.getId(), "reset", 3, java.time.Duration.ofHours(1))) {
            return; // three links an hour are enough for the owner, and all a stranger can make us send
        }
        String token = tokens.issue(credential, TokenPurpose.RESET_PASSWORD, null);
        outbox.enqueue(
                credential.getId(),
                mails.compose(
                        credential.getEmail(),
                        languageOf(credential, language),
                        "reset",
                        new MailTemplates.Link("/reset-password.xhtml?token=" + token)));
    }

    @PermitAll
    public void reset(String token, char[] replacement) {
        if (replacement == null || !PasswordHashing.isAcceptable(new String(replacement))) {
            throw new InvalidInput(Map.of("password", "account.password.weak"));
        }
        Credential credential =
                tokens.redeem(token, TokenPurpose.RESET_PASSWORD).getCredential();
        // Only the owner of the address could open the link: that also proves the address and ends the waiting.
        credential.confirm(OffsetDateTime.now(clock));
        credential.recordSuccess();
        setPassword(credential, replacement);
    }

    /** A new password ends every session signed in with the old one, on every node. @return the new generation */
    private int setPassword(Credential credential, char[] replacement) {
        if (replacement == null || !PasswordHashing.isAcceptable(new String(replacement))) {
            throw new InvalidInput(Map.of("password", "account.password.weak"));
        }
        credential.setPasswordHash(passwords.hash(replacement));
        outbox.enqueue(
                credential.getId(),
                mails.compose(credential.getEmail(), languageOf(credential, null), "passwordChanged"));
        tokens.revokeAll(credential);
        return credential.endSessions();
    }

    private String languageOf(Credential credential, String fallback) {
        List<Customer> customer = em.createNamedQuery(Customer.BY_CREDENTIAL, Customer.class)
                .setParameter("credentialId", credential.getId())
                .getResultList();
        if (!customer.isEmpty()) {
            return customer.get(0).getPreferredLanguage();
        }
        return PortalLanguage.of(fallback).code();
    }
}

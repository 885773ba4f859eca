package se.somg.portal.account;

import static se.somg.portal.kernel.Role.Names.CUSTOMER;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.kernel.PersonRules;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.mail.Outbox;

/**
 * A customer moves their account to another e-mail address: account work (the credential, its tokens and sessions,
 * the password check), confirmed by a link to the new address. The profile hears of it through {@link EmailChanged}.
 */
@Stateless
@RolesAllowed(CUSTOMER)
public class EmailChange {

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentCustomer current;

    @Inject
    private Tokens tokens;

    @Inject
    private AccountCreation accounts;

    @Inject
    private Outbox outbox;

    @Inject
    private MailTemplates mails;

    @Inject
    private LoginGuard guard;

    @Inject
    private Event<EmailChanged> changed;

    /**
     * The new address takes effect only when its owner opens the link; both addresses are told. It takes the
     * current password (a stolen session alone cannot move the account), and an address that already has an
     * account gets the same answer: only that address's owner is told, so the page reveals no one's account.
     */
    public void request(String newEmail, char[] password) {
        PersonRules.checkEmail(newEmail).ifPresent(key -> {
            throw new InvalidInput(Map.of("email", key));
        });
        Customer customer = current.get();
        String address = Credential.normalise(newEmail);
        if (address.equals(customer.getEmail())) {
            throw new InvalidInput(Map.of("email", "profile.email.same"));
        }
        long credentialId = customer.getCredential().getId();
        if (!guard.confirmOwn(credentialId, password)) {
            throw new InvalidInput(Map.of("password", "password.current.wrong"));
        }
        // a few changes a day: the portal must not be made to mail any address without end
        if (!outbox.mayWrite(credentialId, "emailChange.old", 5, Duration.ofDays(1))) {
            throw new Refusal("profile.email.tooMany");
        }
        String language = customer.getPreferredLanguage();
        cancelPending(customer.getCredential());
        // the change waits for confirmation in both cases, so the page shows the same: an address that has an
        // account gets no link (its confirmation would be refused anyway), only its owner is told
        String token = tokens.issue(customer.getCredential(), TokenPurpose.CONFIRM_EMAIL_CHANGE, address);
        Optional<Credential> taken = accounts.find(address);
        if (taken.isPresent()) {
            String ownersLanguage = em
                    .createNamedQuery(Customer.BY_CREDENTIAL, Customer.class)
                    .setParameter("credentialId", taken.get().getId())
                    .getResultList()
                    .stream()
                    .map(Customer::getPreferredLanguage)
                    .findFirst()
                    .orElse(language);
            if (outbox.mayWrite(taken.get().getId(), "emailChange.taken", 3, Duration.ofDays(1))) {
                outbox.enqueue(taken.get().getId(), mails.compose(address, ownersLanguage, "emailChange.taken"));
            }
        } else {
            outbox.enqueue(
                    credentialId,
                    mails.compose(
                            address,
                            language,
                            "emailChange.new",
                            new MailTemplates.Link("/confirm-email.xhtml?token=" + token)));
        }
        outbox.enqueue(credentialId, mails.compose(customer.getEmail(), language, "emailChange.old", address));
    }

    /** A change asked for and not confirmed yet is forgotten: its link no longer works. */
    public void cancel() {
        cancelPending(current.get().getCredential());
    }

    private void cancelPending(Credential credential) {
        em.createQuery(
                        "DELETE FROM AccountToken t WHERE t.credential = :credential AND t.purpose = :purpose AND t.usedAt IS NULL")
                .setParameter("credential", credential)
                .setParameter("purpose", TokenPurpose.CONFIRM_EMAIL_CHANGE)
                .executeUpdate();
    }

    /**
     * Anyone holding the link may open it: it proves the new address is the customer's. Every session of the
     * account ends: whoever knew the old address and password is out.
     *
     * @return the account, and the session generation a session of it must now carry
     */
    @PermitAll
    public ConfirmedChange confirm(String token) {
        AccountToken redeemed = tokens.redeem(token, TokenPurpose.CONFIRM_EMAIL_CHANGE);
        Credential credential = redeemed.getCredential();
        if (accounts.exists(redeemed.getNewEmail())) {
            throw new Refusal("account.email.taken");
        }
        String old = credential.getEmail();
        credential.changeEmail(redeemed.getNewEmail());
        Customer customer = em.createNamedQuery(Customer.BY_CREDENTIAL, Customer.class)
                .setParameter("credentialId", credential.getId())
                .getSingleResult();
        // the profile records it as the customer's own rectification (it observes this)
        changed.fire(new EmailChanged(customer.getId(), OffsetDateTime.now(clock)));
        for (String to : List.of(old, credential.getEmail())) {
            outbox.enqueue(
                    credential.getId(),
                    mails.compose(to, customer.getPreferredLanguage(), "emailChanged", credential.getEmail()));
        }
        tokens.revokeAll(credential);
        return new ConfirmedChange(credential.getId(), credential.endSessions());
    }

    /** Which account's address changed, and the session generation its sessions must now carry. */
    public record ConfirmedChange(long credentialId, int sessionGeneration) implements java.io.Serializable {}
}

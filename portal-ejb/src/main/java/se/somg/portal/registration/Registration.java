package se.somg.portal.registration;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import se.somg.portal.InvalidInput;
import se.somg.portal.PortalLanguage;
import se.somg.portal.account.AccountCreation;
import se.somg.portal.account.AccountToken;
import se.somg.portal.account.Credential;
import se.somg.portal.account.Customer;
import se.somg.portal.account.PasswordHashing;
import se.somg.portal.account.TokenPurpose;
import se.somg.portal.account.Tokens;
import se.somg.portal.consent.ConsentLedger;
import se.somg.portal.consent.ConsentMethod;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.CurrentPolicy;
import se.somg.portal.kernel.PersonRules;
import se.somg.portal.kernel.Platform;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.mail.Outbox;
import se.somg.portal.preference.Preferences;
import se.somg.portal.profile.DatumSources;
import se.somg.portal.profile.ProfileField;

/**
 * Self-registration on the portal (policy §5.1: "registrering på vår hemsida"). The account works only
 * after the owner opens the link mailed to the address; the answer is the same whether or not the address
 * already had an account, so the form tells no one who is a customer.
 */
@Stateless
@PermitAll
public class Registration {

    @Inject
    private Clock clock;

    /** The portal itself is SOMG AB's own platform. */
    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccountCreation creation;

    @Inject
    private PasswordHashing hashing;

    @Inject
    private Tokens tokens;

    @Inject
    private Outbox outbox;

    @Inject
    private MailTemplates mails;

    @Inject
    private Preferences preferences;

    @Inject
    private DatumSources sources;

    @Inject
    private CurrentPolicy policy;

    @Inject
    private ConsentLedger consents;

    /**
     * @param newsletter the customer's own choice to receive marketing lists and newsletters, recorded as a
     *                   consent given at registration
     */
    public void register(
            String email,
            char[] password,
            String givenName,
            String familyName,
            boolean policyAccepted,
            boolean newsletter,
            String language) {
        Map<String, String> problems = new LinkedHashMap<>();
        PersonRules.checkEmail(email).ifPresent(key -> problems.put("email", key));
        if (password == null || !PasswordHashing.isAcceptable(new String(password))) {
            problems.put("password", "account.password.weak");
        }
        PersonRules.checkName(givenName).ifPresent(key -> problems.put("givenName", key));
        PersonRules.checkName(familyName).ifPresent(key -> problems.put("familyName", key));
        if (!policyAccepted) {
            problems.put("policy", "register.policy.required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String lang = PortalLanguage.of(language).code();
        java.util.Optional<Credential> taken = creation.find(email);
        if (taken.isPresent()) {
            if (outbox.mayWrite(taken.get().getId(), "registration.taken", 3, java.time.Duration.ofDays(1))) {
                outbox.enqueue(
                        taken.get().getId(), mails.compose(Credential.normalise(email), lang, "registration.taken"));
            }
            // the same work as a new account (one password hash), so the time of the answer tells nothing either
            hashing.hash(password);
            return;
        }
        Customer customer = creation.customer(
                email, password, givenName, familyName, Platform.PORTAL, CollectionCircumstance.REGISTRATION, false);
        OffsetDateTime now = OffsetDateTime.now(clock);
        customer.acceptPolicy(policy.number(now), now);
        customer.setPreferredLanguage(lang);
        em.flush();
        preferences.createDefaults(customer.getId());
        if (newsletter) {
            consents.change(customer.getId(), "MARKETING_LISTS", true, ConsentMethod.REGISTRATION, null, now);
        }
        for (ProfileField field :
                new ProfileField[] {ProfileField.GIVEN_NAME, ProfileField.FAMILY_NAME, ProfileField.EMAIL}) {
            sources.record(customer.getId(), field, Platform.PORTAL, CollectionCircumstance.REGISTRATION, now);
        }
        String token = tokens.issue(customer.getCredential(), TokenPurpose.CONFIRM_REGISTRATION, null);
        outbox.enqueue(
                customer.getCredential().getId(),
                mails.compose(
                        customer.getEmail(),
                        lang,
                        "registration",
                        customer.getGivenName(),
                        new MailTemplates.Link("/confirm.xhtml?token=" + token)));
    }

    /** Opens the account behind a confirmation link; a wrong, used or expired link is refused. */
    public void confirm(String token) {
        AccountToken redeemed = tokens.redeem(token, TokenPurpose.CONFIRM_REGISTRATION);
        redeemed.getCredential().confirm(OffsetDateTime.now(clock));
    }
}

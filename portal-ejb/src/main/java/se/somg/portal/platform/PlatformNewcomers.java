package se.somg.portal.platform;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import se.somg.portal.InvalidInput;
import se.somg.portal.PortalLanguage;
import se.somg.portal.Refusal;
import se.somg.portal.account.AccountCreation;
import se.somg.portal.account.Customer;
import se.somg.portal.account.TokenPurpose;
import se.somg.portal.account.Tokens;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.PersonRules;
import se.somg.portal.kernel.Platform;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.mail.Outbox;
import se.somg.portal.preference.Preferences;
import se.somg.portal.profile.DatumSources;
import se.somg.portal.profile.ProfileField;

/**
 * A person a platform holds whom the portal did not know (policy §5.1: data collected at a contract, a campaign, a
 * competition, ...): a customer record with each datum's source, default contact preferences, and a mail inviting
 * them to claim the account, where they see the policy and the data held before choosing a password. Until then
 * the account cannot be signed in to, and the person's rights already hold (their changes reach the platforms).
 */
@Dependent
public class PlatformNewcomers {

    /** Where data can come from a platform; registration and self-service happen in the portal itself. */
    static final Set<CollectionCircumstance> FROM_PLATFORMS =
            EnumSet.complementOf(EnumSet.of(CollectionCircumstance.REGISTRATION, CollectionCircumstance.SELF_SERVICE));

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AccountCreation accounts;

    @Inject
    private Preferences preferences;

    @Inject
    private DatumSources sources;

    @Inject
    private Tokens tokens;

    @Inject
    private Outbox outbox;

    @Inject
    private MailTemplates mails;

    Customer create(String platformCode, PlatformIntake.Person person) {
        Map<String, String> problems = new LinkedHashMap<>();
        PersonRules.checkName(person.givenName()).ifPresent(key -> problems.put("givenName", key));
        PersonRules.checkName(person.familyName()).ifPresent(key -> problems.put("familyName", key));
        CollectionCircumstance circumstance = circumstance(person.circumstance());
        if (circumstance == null) {
            problems.put("circumstance", "platform.intake.circumstance");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime collectedAt = moment(person.collectedAt());
        if (collectedAt == null || collectedAt.isAfter(now.plusMinutes(5))) {
            problems.put("collectedAt", "platform.intake.collectedAt");
        }
        if (person.language() != null && PortalLanguage.parse(person.language()).isEmpty()) {
            problems.put("language", "platform.intake.language");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Platform platform = Arrays.stream(Platform.values())
                .filter(known -> known.name().equals(platformCode))
                .findFirst()
                .orElseThrow(() -> new Refusal("platform.intake.notAPolicyPlatform"));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        // a password no one knows: the account opens when its owner chooses one through the invitation
        Customer customer = accounts.customer(
                person.email(),
                Base64.getEncoder().encodeToString(random).toCharArray(),
                person.givenName(),
                person.familyName(),
                platform,
                circumstance,
                false);
        String language = PortalLanguage.of(person.language()).code();
        customer.setPreferredLanguage(language);
        em.flush();
        preferences.createDefaults(customer.getId());
        for (ProfileField field :
                new ProfileField[] {ProfileField.GIVEN_NAME, ProfileField.FAMILY_NAME, ProfileField.EMAIL}) {
            sources.record(customer.getId(), field, platform, circumstance, collectedAt);
        }
        String token = tokens.issue(customer.getCredential(), TokenPurpose.CLAIM_ACCOUNT, null);
        outbox.enqueue(
                customer.getCredential().getId(),
                mails.compose(
                        customer.getEmail(),
                        language,
                        "platformInvitation",
                        customer.getGivenName(),
                        platform.getHost(),
                        new MailTemplates.Link("/claim.xhtml?token=" + token)));
        return customer;
    }

    private static CollectionCircumstance circumstance(String name) {
        return FROM_PLATFORMS.stream()
                .filter(known -> known.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static OffsetDateTime moment(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text);
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }
}

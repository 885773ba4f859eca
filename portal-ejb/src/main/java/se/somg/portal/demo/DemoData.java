package se.somg.portal.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.somg.portal.account.AccountCreation;
import se.somg.portal.account.AuthenticatorApp;
import se.somg.portal.account.Customer;
import se.somg.portal.account.StaffMember;
import se.somg.portal.consent.ConsentLedger;
import se.somg.portal.consent.ConsentMethod;
import se.somg.portal.database.AdvisoryLock;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.Platform;
import se.somg.portal.kernel.PostalAddress;
import se.somg.portal.preference.Preferences;
import se.somg.portal.profile.CampaignImage;
import se.somg.portal.profile.DatumSources;
import se.somg.portal.profile.Interest;
import se.somg.portal.profile.ProfileField;

/**
 * The demo accounts of the acceptance contract. Loaded only where {@code portal.demo-data=true} (the run
 * command and the tests), never in production; creating an account that exists is skipped, so restarts
 * keep whatever the demo users changed.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "PolicySeed"})
public class DemoData {

    @Inject
    private Clock clock;

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "portal.demo-data", defaultValue = "false")
    private boolean enabled;

    @Inject
    private AccountCreation accounts;

    @Inject
    private DatumSources sources;

    @Inject
    private Preferences preferences;

    @Inject
    private ConsentLedger consents;

    @PersistenceContext
    private EntityManager em;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        // nodes that start together wait for each other here, so each row is written once
        AdvisoryLock.hold(em, "demo_data", java.time.Duration.ofMinutes(5));
        if (!accounts.exists(DemoUser.ANNA.email())) {
            Customer anna = accounts.customer(
                    DemoUser.ANNA.email(),
                    DemoUser.ANNA.password().toCharArray(),
                    "Anna",
                    "Andersson",
                    Platform.ONCENTRUM_COM,
                    CollectionCircumstance.REGISTRATION);
            anna.setPersonalIdentityNumber("198507142381");
            anna.setBirthDate(LocalDate.of(1985, 7, 14));
            anna.setPostalAddress(new PostalAddress("Storgatan 12", "191 45", "Sollentuna", "SE"));
            anna.setPhone("+46701234567");
            anna.setOccupation("Projektledare");
            details(anna, List.of("Resor", "Matlagning"), true);
            OffsetDateTime registered = OffsetDateTime.now(clock).minusYears(2);
            consents.change(anna.getId(), "MARKETING_LISTS", true, ConsentMethod.REGISTRATION, null, registered);
            consents.change(anna.getId(), "COMPETITIONS", true, ConsentMethod.REGISTRATION, null, registered);
            consents.change(
                    anna.getId(), "CAMPAIGN_IMAGES", true, ConsentMethod.PORTAL, null, registered.plusMonths(3));
        }
        if (!accounts.exists(DemoUser.BERTIL.email())) {
            Customer bertil = accounts.customer(
                    DemoUser.BERTIL.email(),
                    DemoUser.BERTIL.password().toCharArray(),
                    "Bertil",
                    "Berg",
                    Platform.MITTCENTRUM_COM,
                    CollectionCircumstance.CONTRACT);
            bertil.setBirthDate(LocalDate.of(1972, 3, 9));
            bertil.setPostalAddress(new PostalAddress("Kungsgatan 3", "111 43", "Stockholm", "SE"));
            bertil.setOccupation("Snickare");
            details(bertil, List.of("Trädgård"), false);
        }
        if (!accounts.exists(DemoUser.CECILIA.email())) {
            // a former customer past the retention period, so the retention page has something to show
            Customer cecilia = accounts.customer(
                    DemoUser.CECILIA.email(),
                    DemoUser.CECILIA.password().toCharArray(),
                    "Cecilia",
                    "Ceder",
                    Platform.SOMG_SE,
                    CollectionCircumstance.CONTRACT);
            cecilia.setPhone("+46709876543");
            cecilia.setContractEndedAt(OffsetDateTime.now(clock).minusYears(3));
            details(cecilia, List.of("Golf"), false);
        }
        staff(DemoUser.SUPPORT, "Sara Support");
        staff(DemoUser.PRIVACY_OFFICER, "Petra Privacy");
        staff(DemoUser.COMMUNICATIONS, "Kim Kommunikation");
        staff(DemoUser.ADMINISTRATOR, "Adam Administratör");
        LOG.info("demo accounts are in place (portal.demo-data=true)");
    }

    /** Where each datum came from, the default contact preferences, interests and a campaign image. */
    private void details(Customer customer, List<String> interests, boolean withImage) {
        em.flush();
        OffsetDateTime collected = OffsetDateTime.now(clock).minusYears(2);
        for (ProfileField field : List.of(
                ProfileField.GIVEN_NAME,
                ProfileField.FAMILY_NAME,
                ProfileField.EMAIL,
                ProfileField.PERSONAL_IDENTITY_NUMBER,
                ProfileField.BIRTH_DATE,
                ProfileField.POSTAL_ADDRESS,
                ProfileField.PHONE,
                ProfileField.OCCUPATION)) {
            sources.record(customer.getId(), field, customer.getPlatform(), customer.getCollectedThrough(), collected);
        }
        preferences.createDefaults(customer.getId());
        for (String tag : interests) {
            em.persist(new Interest(
                    customer.getId(), tag, customer.getPlatform(), CollectionCircumstance.SURVEY, collected));
        }
        if (withImage) {
            try (InputStream in = DemoData.class.getResourceAsStream("campaign-image.png")) {
                em.persist(new CampaignImage(
                        customer.getId(),
                        "Sommarkampanj 2024",
                        "image/png",
                        in.readAllBytes(),
                        customer.getPlatform(),
                        collected));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A staff account with the README's authenticator-app key already enrolled, so the demo needs no phone. */
    private void staff(DemoUser user, String name) {
        if (!accounts.exists(user.email())) {
            StaffMember member =
                    accounts.staffMember(user.email(), user.password().toCharArray(), name, EnumSet.of(user.role()));
            em.flush();
            AuthenticatorApp app = new AuthenticatorApp(
                    member.getCredential().getId(), DemoUser.STAFF_TOTP_KEY, OffsetDateTime.now(clock));
            app.enable(OffsetDateTime.now(clock));
            app.allowReusedCodes();
            em.persist(app);
        }
    }
}

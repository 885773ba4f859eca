package se.somg.portal;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.somg.portal.account.AccountService;
import se.somg.portal.account.Customer;
import se.somg.portal.account.EmailChange;
import se.somg.portal.account.LoginGuard;
import se.somg.portal.account.LoginOutcome;
import se.somg.portal.account.PasswordService;
import se.somg.portal.demo.DemoUser;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.mail.OutboxMessage;
import se.somg.portal.preference.PreferenceMatrix;
import se.somg.portal.preference.PreferenceService;
import se.somg.portal.profile.ProfileChange;
import se.somg.portal.profile.ProfileField;
import se.somg.portal.profile.ProfileService;
import se.somg.portal.registration.Registration;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.RunAsCustomer;
import se.somg.portal.testing.TestAccounts;
import se.somg.portal.testing.TestSupport;

/**
 * Registration, passwords, profile editing and contact preferences inside a real Payara Micro against
 * PostgreSQL, with mail going out to a real SMTP server.
 */
@ExtendWith(ArquillianExtension.class)
class ProfileServiceIT {

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses(ProfileServiceIT.class, TestSupport.class);
    }

    @EJB
    private Registration registration;

    @EJB
    private PasswordService passwords;

    @EJB
    private LoginGuard guard;

    @EJB
    private ProfileService profiles;

    @EJB
    private EmailChange emailChange;

    @EJB
    private PreferenceService preferences;

    @EJB
    private AccountService accounts;

    @EJB
    private RunAsCustomer asCustomer;

    @EJB
    private TestSupport db;

    private static String newEmail() {
        return "reg-" + UUID.randomUUID() + "@example.com";
    }

    private Customer rune() {
        return db.customerOf(TestAccounts.RUN_AS_CUSTOMER_ID);
    }

    @Test
    void aNewAccountWorksOnlyAfterItsLinkIsOpenedOnce() throws Exception {
        String email = newEmail();
        registration.register(email, "Registered-1234".toCharArray(), "Nils", "Ny", true, true, "en");

        assertEquals(
                1,
                db.count(
                        "SELECT COUNT(e) FROM ConsentEvent e, Customer c WHERE e.customerId = c.id "
                                + "AND c.credential.email = ?1 AND e.purpose.code = 'MARKETING_LISTS' AND e.given = TRUE "
                                + "AND e.method = se.somg.portal.consent.ConsentMethod.REGISTRATION",
                        email),
                "the newsletter choice is a consent");
        assertEquals(
                LoginOutcome.Kind.UNCONFIRMED,
                guard.attempt(email, "Registered-1234".toCharArray(), null, null)
                        .getKind());
        OutboxMessage mail = db.latestMailTo(email);
        assertEquals("Confirm your SOMG account", mail.getSubject());
        assertTrue(mail.getBody().contains("/confirm.xhtml?token="), mail.getBody());
        String token = TestSupport.tokenIn(mail.getBody());

        registration.confirm(token);
        assertEquals(
                LoginOutcome.Kind.SUCCEEDED,
                guard.attempt(email, "Registered-1234".toCharArray(), null, null)
                        .getKind());
        Refusal again = assertThrows(Refusal.class, () -> registration.confirm(token));
        assertEquals("link.invalid", again.getMessageKey());

        // the mail really leaves through SMTP
        Awaitility.await("the confirmation mail is sent")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> db.mailStatus(mail.getId()), is(OutboxMessage.Status.SENT));
    }

    @Test
    void aConfirmationLinkExpiresAfterADay() {
        String email = newEmail();
        registration.register(email, "Registered-1234".toCharArray(), "Nils", "Ny", true, false, "sv");
        String token = TestSupport.tokenIn(db.latestMailTo(email).getBody());
        db.expireTokens(email);

        assertThrows(Refusal.class, () -> registration.confirm(token));
        assertEquals(
                LoginOutcome.Kind.UNCONFIRMED,
                guard.attempt(email, "Registered-1234".toCharArray(), null, null)
                        .getKind());
    }

    @Test
    void registeringATakenAddressAnswersTheSameAndTellsTheOwner() {
        long before = db.count("SELECT COUNT(c) FROM Credential c");
        registration.register(
                DemoUser.BERTIL.email(), "Somebody-Else-1".toCharArray(), "Eve", "Evil", true, false, "en");

        assertEquals(before, db.count("SELECT COUNT(c) FROM Credential c"));
        assertEquals(
                "Someone tried to create an account with your e-mail address",
                db.latestMailTo(DemoUser.BERTIL.email()).getSubject());
        assertEquals(
                LoginOutcome.Kind.REFUSED,
                guard.attempt(DemoUser.BERTIL.email(), "Somebody-Else-1".toCharArray(), null, null)
                        .getKind());
    }

    @Test
    void registrationNeedsThePolicyAndValidFieldsAndWritesNothingOtherwise() {
        String email = newEmail();
        InvalidInput invalid = assertThrows(
                InvalidInput.class,
                () -> registration.register(email, "short".toCharArray(), "<b>", "", false, false, "sv"));
        assertEquals(
                Map.of(
                        "password",
                        "account.password.weak",
                        "givenName",
                        "profile.name.characters",
                        "familyName",
                        "profile.required",
                        "policy",
                        "register.policy.required"),
                invalid.getProblems());
        assertNull(db.latestMailTo(email));
        assertEquals(0, db.count("SELECT COUNT(c) FROM Credential c WHERE c.email = ?1", email));
    }

    @Test
    void aPasswordResetLinkWorksOnceWithinAnHourAndUnknownAddressesLookTheSame() {
        String unknown = newEmail();
        passwords.requestReset(unknown, "sv");
        assertNull(db.latestMailTo(unknown), "no mail for an address without an account");

        String email = newEmail();
        registration.register(email, "Registered-1234".toCharArray(), "Nils", "Ny", true, false, "sv");
        passwords.requestReset(email, "sv");
        String token = TestSupport.tokenIn(db.latestMailTo(email).getBody());
        passwords.reset(token, "Brand-New-5678".toCharArray());

        assertEquals(
                LoginOutcome.Kind.SUCCEEDED,
                guard.attempt(email, "Brand-New-5678".toCharArray(), null, null).getKind(),
                "the link proves the address, so the account is confirmed too");
        assertEquals(
                LoginOutcome.Kind.REFUSED,
                guard.attempt(email, "Registered-1234".toCharArray(), null, null)
                        .getKind());
        assertThrows(Refusal.class, () -> passwords.reset(token, "Third-One-9012".toCharArray()));

        passwords.requestReset(email, "sv");
        String late = TestSupport.tokenIn(db.latestMailTo(email).getBody());
        db.expireTokens(email);
        assertThrows(Refusal.class, () -> passwords.reset(late, "Third-One-9012".toCharArray()));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() throws Exception {
        InvalidInput wrong = assertThrows(
                InvalidInput.class,
                () -> asCustomer.call(() -> {
                    passwords.change("not-it-at-all".toCharArray(), "Another-One-123".toCharArray());
                    return null;
                }));
        assertEquals(Map.of("current", "password.current.wrong"), wrong.getProblems());

        asCustomer.call(() -> {
            passwords.change("RunAs-Test-2020".toCharArray(), "RunAs-Test-2021".toCharArray());
            return null;
        });
        assertEquals(
                LoginOutcome.Kind.SUCCEEDED,
                guard.attempt(TestAccounts.RUN_AS_CUSTOMER_EMAIL, "RunAs-Test-2021".toCharArray(), null, null)
                        .getKind());
        asCustomer.call(() -> {
            passwords.change("RunAs-Test-2021".toCharArray(), "RunAs-Test-2020".toCharArray());
            return null;
        });
    }

    @Test
    void eachChangedFieldIsARectificationWithoutItsOldValue() throws Exception {
        Customer before = rune();
        int history = db.rectifiedFields(before.getId()).size();
        ProfileChange change = ProfileChange.from(before);
        change.setOccupation("Bagare " + UUID.randomUUID().toString().substring(0, 6));
        change.setPhone("+44 20 7946 0958");

        asCustomer.call(() -> profiles.update(change));

        Customer after = rune();
        assertEquals("+442079460958", after.getPhone());
        List<ProfileField> fields = db.rectifiedFields(after.getId());
        assertTrue(fields.subList(history, fields.size())
                .containsAll(List.of(ProfileField.OCCUPATION, ProfileField.PHONE)));
        assertEquals(
                CollectionCircumstance.SELF_SERVICE,
                db.source(after.getId(), ProfileField.OCCUPATION)
                        .getProvenance()
                        .getCircumstance());
        assertEquals(
                List.of("changed_at", "changed_by", "customer_id", "field", "id"),
                db.columnsOf("rectification"),
                "a rectification keeps no value, old or new");
    }

    @Test
    void aSaveFromAStaleFormIsRefusedAndOverwritesNothing() throws Exception {
        Customer start = rune();
        ProfileChange firstTab = ProfileChange.from(start);
        ProfileChange secondTab = ProfileChange.from(start);
        firstTab.setOccupation("Fiskare");
        secondTab.setOccupation("Murare");

        asCustomer.call(() -> profiles.update(firstTab));
        Refusal stale = assertThrows(Refusal.class, () -> asCustomer.call(() -> profiles.update(secondTab)));

        assertEquals("profile.stale", stale.getMessageKey());
        assertEquals("Fiskare", rune().getOccupation());
    }

    @Test
    void badInputChangesNothing() throws Exception {
        Customer start = rune();
        int history = db.rectifiedFields(start.getId()).size();
        ProfileChange change = ProfileChange.from(start);
        change.setGivenName("Runolf");
        change.setPostcode("1");

        InvalidInput invalid = assertThrows(InvalidInput.class, () -> asCustomer.call(() -> profiles.update(change)));

        assertEquals("profile.postcode.invalid", invalid.getProblems().get("postcode"));
        assertEquals("Rune", rune().getGivenName());
        assertEquals(history, db.rectifiedFields(start.getId()).size());
    }

    @Test
    void aNewEmailAddressCountsOnlyOnceConfirmedAndBothAddressesAreTold() throws Exception {
        String newAddress = newEmail();
        asCustomer.call(() -> {
            emailChange.request(newAddress, "RunAs-Test-2020".toCharArray());
            return null;
        });

        assertEquals(TestAccounts.RUN_AS_CUSTOMER_EMAIL, rune().getEmail());
        assertTrue(db.latestMailTo(newAddress).getBody().contains("/confirm-email.xhtml?token="));
        assertTrue(db.latestMailTo(TestAccounts.RUN_AS_CUSTOMER_EMAIL).getBody().contains(newAddress));

        emailChange.confirm(TestSupport.tokenIn(db.latestMailTo(newAddress).getBody()));
        assertEquals(newAddress, rune().getEmail());
        assertTrue(db.rectifiedFields(rune().getId()).contains(ProfileField.EMAIL));

        // and back, for the other tests
        asCustomer.call(() -> {
            emailChange.request(TestAccounts.RUN_AS_CUSTOMER_EMAIL, "RunAs-Test-2020".toCharArray());
            return null;
        });
        emailChange.confirm(TestSupport.tokenIn(
                db.latestMailTo(TestAccounts.RUN_AS_CUSTOMER_EMAIL).getBody()));
        assertEquals(TestAccounts.RUN_AS_CUSTOMER_EMAIL, rune().getEmail());
    }

    @Test
    void anotherCustomersImageCannotBeSeenOrDeleted() {
        long annas = db.annasImageId();
        Refusal seen = assertThrows(Refusal.class, () -> asCustomer.call(() -> profiles.image(annas)));
        assertEquals("profile.notFound", seen.getMessageKey());
        assertThrows(
                Refusal.class,
                () -> asCustomer.call(() -> {
                    profiles.requestImageDeletion(annas);
                    return null;
                }));
    }

    @Test
    void contactPreferencesFollowTheRules() throws Exception {
        PreferenceMatrix start = asCustomer.call(() -> preferences.current());
        assertTrue(start.getCells().get("PORTAL_OPERATIONAL"));
        assertFalse(start.getCells().get("EMAIL_MARKETING"), "marketing is off by default");

        InvalidInput portal = assertThrows(
                InvalidInput.class,
                () -> asCustomer.call(() -> {
                    preferences.update(Map.of("PORTAL_ADMINISTRATIVE", false), null);
                    return null;
                }));
        assertEquals(Map.of("PORTAL_ADMINISTRATIVE", "preferences.portal.fixed"), portal.getProblems());
        InvalidInput marketing = assertThrows(
                InvalidInput.class,
                () -> asCustomer.call(() -> {
                    preferences.update(Map.of("EMAIL_MARKETING", true), null);
                    return null;
                }));
        assertEquals(Map.of("EMAIL_MARKETING", "preferences.marketing.consent"), marketing.getProblems());

        // Rune has no phone until another test gives him one; a letter needs an address
        ProfileChange noAddress = ProfileChange.from(rune());
        noAddress.setStreet(null);
        noAddress.setPostcode(null);
        noAddress.setCity(null);
        noAddress.setPhone(null);
        asCustomer.call(() -> profiles.update(noAddress));
        InvalidInput letter = assertThrows(
                InvalidInput.class,
                () -> asCustomer.call(() -> {
                    preferences.update(Map.of("LETTER_OPERATIONAL", true, "PHONE_OPERATIONAL", true), null);
                    return null;
                }));
        assertEquals(
                Map.of(
                        "LETTER_OPERATIONAL",
                        "preferences.letter.address",
                        "PHONE_OPERATIONAL",
                        "preferences.phone.number"),
                letter.getProblems());

        ProfileChange withAddress = ProfileChange.from(rune());
        withAddress.setStreet("Kungsgatan 1");
        withAddress.setPostcode("11143");
        withAddress.setCity("Stockholm");
        asCustomer.call(() -> profiles.update(withAddress));
        int history = db.rectifiedFields(rune().getId()).size();
        try {
            asCustomer.call(() -> {
                preferences.update(Map.of("LETTER_OPERATIONAL", true), "en");
                return null;
            });

            assertTrue(asCustomer.call(() -> preferences.current()).getCells().get("LETTER_OPERATIONAL"));
            assertEquals("en", rune().getPreferredLanguage());
            assertEquals(
                    List.of(ProfileField.CONTACT_PREFERENCE, ProfileField.PREFERRED_LANGUAGE),
                    db.rectifiedFields(rune().getId()).subList(history, history + 2));
        } finally {
            // Rune is shared by the in-server test classes: he is left as he was found
            asCustomer.call(() -> {
                preferences.update(Map.of("LETTER_OPERATIONAL", false), "sv");
                return null;
            });
        }
    }
}

package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import se.somg.portal.demo.DemoUser;
import se.somg.portal.testing.Browser;
import se.somg.portal.testing.Mailbox;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.TestAccounts;

/**
 * Customers keep their own data in a real browser: registration through the confirmation mail, editing every
 * field, the two-tab conflict, a contact preference, and a password reset through the mail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProfileBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses();
    }

    @ArquillianResource
    private URL base;

    private final List<String> problems = new ArrayList<>();

    /** Other hosts and serious accessibility violations on the page the browser shows now. */
    private void inspect(Browser browser) {
        String where = browser.driver().getCurrentUrl() + ": ";
        browser.foreignReferences().forEach(ref -> problems.add(where + "another host: " + ref));
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(where + v));
    }

    @Test
    void aNewCustomerRegistersThroughTheConfirmationMail() {
        String email = "nora-" + UUID.randomUUID() + "@example.com";
        try (Browser browser = new Browser(base)) {
            browser.open("/login.xhtml?lang=en");
            browser.follow("Create an account");
            inspect(browser);
            browser.type("Given name", "Nora");
            browser.type("Family name", "Nilsson");
            browser.type("E-mail", email);
            browser.type("Password (at least 10 characters)", "Nora-Register-1");
            browser.press("Create account");
            assertTrue(browser.messages().contains("You need to accept the privacy policy"), browser.messages());

            browser.type("Password (at least 10 characters)", "Nora-Register-1");
            browser.field("I have read and accept the privacy policy").click();
            browser.field(
                            "Yes please, send me newsletters and marketing (optional; you can withdraw this consent at any time)")
                    .click();
            browser.press("Create account");
            assertTrue(browser.messages().contains("We have sent an e-mail to " + email), browser.messages());

            browser.open("/login.xhtml");
            browser.logIn(email, "Nora-Register-1");
            assertTrue(browser.messages().contains("Confirm your e-mail address first"), browser.messages());

            String mail = Mailbox.awaitText(email, "Confirm your SOMG account");
            assertTrue(mail.startsWith("Hello Nora!"), mail);
            browser.open(Mailbox.linkPath(mail));
            assertTrue(browser.messages().contains("Your e-mail address is confirmed"), browser.messages());
            inspect(browser);
            browser.open(Mailbox.linkPath(mail));
            assertTrue(browser.messages().contains("This link does not work"), "the link works once");

            browser.open("/login.xhtml");
            browser.logIn(email, "Nora-Register-1");
            assertEquals("/customer/dashboard.xhtml", browser.path());
            assertTrue(browser.mainText().contains("Hello Nora!"));
            browser.follow("Consents");
            assertTrue(
                    browser.section("Marketing lists and newsletters").getText().contains("Given"),
                    "the newsletter choice at registration is a consent");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aCustomerEditsEveryFieldAndSeesTheHistory() {
        try (Browser browser = new Browser(base)) {
            browser.logInInEnglish(TestAccounts.PROFILE_EMAIL, TestAccounts.PASSWORD);
            browser.follow("Profile");

            browser.type("Postcode", "12");
            browser.type("Street address", "Ringvägen 5");
            browser.type("City", "Stockholm");
            browser.press("Save changes");
            assertTrue(browser.mainText().contains("The postcode must be written NNN NN"), browser.mainText());
            // plain inputs (no PrimeFaces widget) still tell assistive technology and the eye which field was refused
            assertEquals("true", browser.field("Postcode").getAttribute("aria-invalid"));
            assertTrue(browser.field("Postcode").getAttribute("class").contains("ui-state-error"));
            assertEquals("false", browser.field("City").getAttribute("aria-invalid"));
            assertFalse(browser.field("City").getAttribute("class").contains("ui-state-error"));
            // every field comes from one tag (portal:textField): its optional attributes only where given
            assertEquals("postal-code", browser.field("Postcode").getAttribute("autocomplete"));
            assertEquals("123 45", browser.field("Postcode").getAttribute("placeholder"));
            assertEquals("10", browser.field("Postcode").getAttribute("maxlength"));
            assertEquals(
                    "tel",
                    browser.field("Phone number (Swedish, or with country code such as +44)")
                            .getAttribute("type"));
            assertEquals("text", browser.field("Postcode").getDomAttribute("type"));
            assertEquals(null, browser.field("Street address").getDomAttribute("placeholder"));
            browser.follow("Profile");
            assertEquals("", browser.field("Street address").getAttribute("value"), "nothing was saved");

            browser.type("Given name", "Paula");
            browser.type("Family name", "Provsson-Åberg");
            browser.type("Personal identity number", "199001011239");
            browser.type("Street address", "Ringvägen 5");
            browser.type("Postcode", "11826");
            browser.type("City", "Stockholm");
            browser.type("Country (two-letter code, e.g. SE)", "SE");
            browser.type("Phone number (Swedish, or with country code such as +44)", "08-123 456 78");
            browser.type("Occupation", "<script>alert('x')</script>");
            browser.press("Save changes");
            assertTrue(browser.mainText().contains("The characters < and > are not allowed."), browser.mainText());

            browser.type("Occupation", "Ingenjör & lärare");
            browser.press("Save changes");
            assertTrue(browser.messages().contains("Your changes are saved."), browser.messages());
            assertEquals(
                    "19900101-1239", browser.field("Personal identity number").getAttribute("value"));
            assertEquals("1990-01-01", browser.field("Date of birth").getAttribute("value"), "derived from the number");
            assertEquals("118 26", browser.field("Postcode").getAttribute("value"));
            assertEquals(
                    "+46812345678",
                    browser.field("Phone number (Swedish, or with country code such as +44)")
                            .getAttribute("value"));
            String history = browser.text("history");
            for (String field : List.of(
                    "Given name",
                    "Family name",
                    "Personal identity number",
                    "Date of birth",
                    "Postal address",
                    "Phone number",
                    "Occupation")) {
                assertTrue(history.contains(field), field + " in " + history);
            }
            assertFalse(history.contains("Petra"), "old values are not kept");
            assertTrue(browser.text("sources").contains("your own change in this portal"));
            inspect(browser);

            // mails follow the customer's preferred language (Swedish), not the page's
            String newEmail = "paula-" + UUID.randomUUID() + "@example.com";
            browser.type("New e-mail address", newEmail);
            browser.type("Your current password", TestAccounts.PASSWORD);
            browser.press("Change e-mail address");
            assertTrue(browser.messages().contains("We have sent a message to " + newEmail), browser.messages());
            assertTrue(
                    browser.mainText().contains(TestAccounts.PROFILE_EMAIL), "the old address stays until confirmed");
            assertTrue(Mailbox.awaitText(TestAccounts.PROFILE_EMAIL, "Byte av e-postadress begärt")
                    .contains(newEmail));
            browser.open(Mailbox.linkPath(Mailbox.awaitText(newEmail, "Bekräfta din nya e-postadress")));
            assertTrue(browser.messages().contains("Your new e-mail address is now in use."), browser.messages());
            inspect(browser);
            browser.open("/customer/profile.xhtml");
            assertTrue(browser.mainText().contains(newEmail));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aSaveFromASecondTabThatIsOutOfDateIsRefused() {
        try (Browser browser = new Browser(base)) {
            WebDriver driver = browser.driver();
            browser.logInInEnglish(TestAccounts.CONFLICT_EMAIL, TestAccounts.PASSWORD);
            browser.open("/customer/profile.xhtml");
            String firstTab = driver.getWindowHandle();

            driver.switchTo().newWindow(WindowType.TAB);
            browser.open("/customer/profile.xhtml");
            browser.type("Occupation", "Written in tab two");
            browser.press("Save changes");
            assertTrue(browser.messages().contains("Your changes are saved."));

            driver.switchTo().window(firstTab);
            browser.type("Occupation", "Written in tab one");
            browser.press("Save changes");
            assertTrue(browser.messages().contains("was changed elsewhere"), browser.messages());
            assertEquals(
                    "Written in tab two",
                    browser.field("Occupation").getAttribute("value"),
                    "the current values are shown and nothing was overwritten");
        }
    }

    @Test
    void annaChangesAContactPreferenceAndManagesInterestsAndImages() {
        try (Browser browser = new Browser(base)) {
            browser.logInInEnglish(DemoUser.ANNA);
            browser.follow("Contact preferences");
            By letter = By.cssSelector("[data-cell='LETTER_OPERATIONAL']");
            boolean before = browser.driver().findElement(letter).isSelected();
            assertFalse(
                    browser.driver()
                            .findElement(By.cssSelector("[data-cell='PORTAL_OPERATIONAL']"))
                            .isEnabled(),
                    "the portal inbox always gets operational messages");
            browser.driver().findElement(letter).click();
            browser.press("Save preferences");
            assertTrue(browser.messages().contains("saved and apply at once"), browser.messages());
            assertEquals(!before, browser.driver().findElement(letter).isSelected());
            inspect(browser);

            browser.follow("Profile");
            browser.click(By.cssSelector("button[aria-label='Remove Resor']"));
            assertTrue(browser.messages().contains("The interest has been removed."), browser.messages());
            assertFalse(browser.text("interests").contains("Resor"));
            assertTrue(browser.driver()
                            .findElements(By.cssSelector("img[alt^='Images in campaigns']"))
                            .size()
                    > 0);
            browser.click(By.cssSelector("button[aria-label^='Ask us to delete this image']"));
            assertTrue(browser.mainText().contains("Deletion requested"), browser.mainText());
            String history = browser.text("history");
            assertTrue(
                    history.contains("Contact preference")
                            && history.contains("Interests")
                            && history.contains("Campaign image"),
                    history);
        }
        assertEquals(List.of(), problems);
    }

    /** The reset mail is in the customer's own language (Swedish here), not the page's. */
    @Test
    void aForgottenPasswordIsResetThroughTheMail() {
        try (Browser browser = new Browser(base)) {
            browser.open("/login.xhtml?lang=en");
            browser.follow("Forgot your password?");
            inspect(browser);
            browser.type("E-mail", "nobody-" + UUID.randomUUID() + "@example.com");
            browser.press("Send link");
            String unknownAnswer = browser.messages();
            browser.open("/forgot-password.xhtml");
            browser.type("E-mail", TestAccounts.RESET_EMAIL);
            browser.press("Send link");
            assertEquals(
                    unknownAnswer, browser.messages(), "the same answer whether or not the address has an account");

            browser.open(Mailbox.linkPath(Mailbox.awaitText(TestAccounts.RESET_EMAIL, "Välj ett nytt lösenord")));
            inspect(browser);
            browser.type("New password (at least 10 characters)", "Reset-Done-2026");
            browser.type("Repeat the new password", "Reset-Done-2026");
            browser.press("Save the password");
            assertTrue(browser.messages().contains("Your new password is saved."), browser.messages());

            browser.open("/login.xhtml");
            browser.logIn(TestAccounts.RESET_EMAIL, "Reset-Done-2026");
            assertEquals("/customer/dashboard.xhtml", browser.path());
            browser.open("/customer/password.xhtml");
            inspect(browser);
        }
        assertEquals(List.of(), problems);
    }
}

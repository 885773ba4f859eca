package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import se.somg.portal.demo.DemoUser;
import se.somg.portal.devdb.WebSession;
import se.somg.portal.testing.Browser;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.SessionAddresses;
import se.somg.portal.testing.SessionContents;
import se.somg.portal.testing.TestAccounts;

/** The portal in a real headless Chromium: login, language, logout, lockout, access rules, and a crawler. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses(SessionContents.class, SessionAddresses.class);
    }

    @ArquillianResource
    private URL base;

    /**
     * Policy §5.1: the address a browser comes from is never kept with personal data, not even in the session that
     * the cluster replicates. A customer signs in, goes through the pages that write (profile, consents, security) and
     * no session attribute holds the address, in its serialized form or as text.
     */
    @Test
    void noSessionAttributeHoldsTheBrowsersAddress() throws Exception {
        try (Browser anna = new Browser(base)) {
            anna.logInInEnglish(DemoUser.ANNA);
            for (String page : List.of(
                    "/customer/profile.xhtml",
                    "/customer/consents.xhtml",
                    "/account/security.xhtml",
                    "/customer/extract.xhtml")) {
                anna.open(page + "?lang=en");
            }
            anna.open("/test/session-addresses");
            String[] answer =
                    anna.driver().findElement(By.tagName("body")).getText().split("\n", 2);
            assertTrue(answer[0].matches("[0-9a-fA-F:.]+"), "the address the portal saw: " + answer[0]);
            assertEquals("", answer.length > 1 ? answer[1].strip() : "", "attributes holding " + answer[0]);
        }
    }

    /**
     * Each page view leaves its view-scoped beans in the session, and a replicated session is written and read whole
     * at every request: the session must stay bounded however many pages a customer opens (it grew by about 1.2 kB
     * a page view while Mojarra forgot to drop the index of views it had discarded).
     */
    @Test
    void theSessionDoesNotGrowWithEveryPageView() throws Exception {
        WebSession anna = new WebSession();
        String node = base.toString().replaceAll("/$", "");
        anna.logIn(node, DemoUser.ANNA.email(), DemoUser.ANNA.password());
        List<String> pages = List.of(
                "/customer/profile.xhtml",
                "/customer/consents.xhtml",
                "/customer/preferences.xhtml",
                "/customer/requests.xhtml",
                "/customer/notifications.xhtml",
                "/customer/extract.xhtml");
        for (int i = 0; i < 90; i++) {
            assertEquals(200, anna.get(node, pages.get(i % pages.size())).statusCode());
        }
        String[] counts = anna.get(node, "/test/session-contents").body().split(" ");
        int contexts = Integer.parseInt(counts[0]);
        int views = Integer.parseInt(counts[1]);
        assertTrue(views > 0 && views <= 25, "views kept: " + views);
        assertTrue(contexts <= views, contexts + " bean indexes for " + views + " views kept after 90 page views");
    }

    /** A form left open while six other pages were opened is no longer kept: sending it reloads it, saying so. */
    @Test
    void aFormFromAPageNoLongerKeptReloadsThatPageAndChangesNothing() throws Exception {
        WebSession bertil = new WebSession();
        String node = base.toString().replaceAll("/$", "");
        bertil.logIn(node, DemoUser.BERTIL.email(), DemoUser.BERTIL.password());
        WebSession.Page old = bertil.page(node, "/customer/profile.xhtml?lang=en");
        for (int i = 0; i < 7; i++) {
            bertil.get(node, "/customer/consents.xhtml");
        }
        var answer = bertil.submit(node, old, "profile", Map.of("profile:occupation", "Gammal flik"), "profile:save");
        assertEquals(200, answer.statusCode());
        assertEquals("/customer/profile.xhtml", answer.uri().getPath());
        assertTrue(answer.body().contains("has been loaded again"), answer.body());
        assertFalse(bertil.get(node, "/customer/profile.xhtml").body().contains("Gammal flik"), "nothing was saved");
    }

    @Test
    void annaLogsInSeesHerDashboardSwitchesLanguageAndLogsOut() {
        try (Browser browser = new Browser(base)) {
            browser.open("/?lang=en");
            assertEquals("/login.xhtml", browser.path());
            String sessionBefore =
                    browser.driver().manage().getCookieNamed("JSESSIONID").getValue();

            browser.logIn(DemoUser.ANNA);

            assertEquals("/customer/dashboard.xhtml", browser.path());
            assertTrue(browser.mainText().contains("Hello Anna!"), browser.mainText());
            assertTrue(browser.mainText().contains("Personal identity number"));
            assertNotEquals(
                    sessionBefore,
                    browser.driver().manage().getCookieNamed("JSESSIONID").getValue(),
                    "the session id must change at login");
            assertEquals(
                    "lax",
                    String.valueOf(browser.driver()
                                    .manage()
                                    .getCookieNamed("JSESSIONID")
                                    .getSameSite())
                            .toLowerCase(),
                    "no other site can send requests with the session");
            for (String area : List.of(
                    "Profile",
                    "Contact preferences",
                    "Consents",
                    "My data",
                    "Requests",
                    "Notifications",
                    "Privacy policy",
                    "Cookies",
                    "Contact")) {
                assertFalse(browser.driver().findElements(By.linkText(area)).isEmpty(), "navigation link " + area);
            }

            browser.follow("Svenska");
            assertTrue(browser.mainText().contains("Hej Anna!"), browser.mainText());
            assertFalse(browser.driver().findElements(By.linkText("Profil")).isEmpty());
            assertEquals("sv", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));

            browser.follow("Profil");
            assertEquals("19850714-2381", browser.field("Personnummer").getAttribute("value"));
            assertEquals("Storgatan 12", browser.field("Gatuadress").getAttribute("value"));

            browser.follow("English");
            assertEquals("Profile", browser.heading());
            assertEquals("en", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));

            browser.press("Log out");
            assertEquals("/login.xhtml", browser.path());
            assertTrue(browser.messages().contains("You are logged out."), browser.messages());
            browser.open("/customer/dashboard.xhtml");
            assertEquals("/login.xhtml", browser.path(), "after logout the dashboard needs a login again");
        }
    }

    @Test
    void aWrongPasswordGetsOneNeutralMessage() {
        try (Browser browser = new Browser(base)) {
            browser.logInInEnglish(DemoUser.BERTIL.email(), "not-his-password");
            String wrongPassword = browser.messages();
            browser.logIn("nobody-" + System.nanoTime() + "@example.com", DemoUser.BERTIL.password());
            String unknownEmail = browser.messages();

            assertEquals("/login.xhtml", browser.path());
            assertTrue(wrongPassword.contains("The e-mail address or the password is not right."), wrongPassword);
            assertEquals(wrongPassword, unknownEmail, "the message must not tell which one was wrong");
        }
    }

    @Test
    void guessingGetsTheSameAnswerForEveryAddressAndTheOwnerStillSignsIn() {
        try (Browser owner = new Browser(base);
                Browser guesser = new Browser(base)) {
            // the owner signed in from this browser before: it is trusted
            owner.logInInEnglish(TestAccounts.LOCKOUT_EMAIL, TestAccounts.LOCKOUT_PASSWORD);
            assertEquals("/customer/dashboard.xhtml", owner.path());
            owner.press("Log out");

            guesser.open("/login.xhtml?lang=en");
            String nobody = "nobody-" + System.nanoTime() + "@example.com";
            for (int attempt = 1; attempt <= 7; attempt++) {
                guesser.logIn(TestAccounts.LOCKOUT_EMAIL, "wrong-password-" + attempt);
                String real = guesser.messages();
                guesser.logIn(nobody, "wrong-password-" + attempt);
                assertEquals(
                        real, guesser.messages(), "attempt " + attempt + ": an account and no account answer alike");
                assertFalse(real.contains("locked"), real);
            }
            guesser.logIn(TestAccounts.LOCKOUT_EMAIL, TestAccounts.LOCKOUT_PASSWORD);
            assertEquals(
                    "/login.xhtml",
                    guesser.path(),
                    "while the account waits, another browser gets nowhere, even with the password");

            owner.logInInEnglish(TestAccounts.LOCKOUT_EMAIL, TestAccounts.LOCKOUT_PASSWORD);
            assertEquals("/customer/dashboard.xhtml", owner.path(), "the owner's own browser signs in at once");
        }
    }

    @Test
    void aCustomerOpeningAStaffPageGetsForbidden() {
        try (Browser browser = new Browser(base)) {
            browser.logInInEnglish(DemoUser.BERTIL);
            browser.open("/staff/index.xhtml");
            assertEquals("Not allowed", browser.heading());
            browser.open("/staff/support/lookup.xhtml");
            assertEquals("Not allowed", browser.heading());
        }
    }

    @Test
    void aVisitorIsSentToLoginAndThenBackToThePageAskedFor() {
        try (Browser browser = new Browser(base)) {
            browser.open("/customer/profile.xhtml");
            assertEquals("/login.xhtml", browser.path());
            browser.follow("English");
            browser.logIn(DemoUser.ANNA);
            assertEquals("/customer/profile.xhtml", browser.path());
            assertTrue(browser.mainText().contains(DemoUser.ANNA.email()));
        }
    }

    /**
     * A session that ended on the server (as after 15 idle minutes) leaves the browser's marker cookie: the next
     * click lands on the login page with a message saying why, and logging in again returns to that page.
     */
    @Test
    void theNextClickAfterTheSessionEndedExplainsWhy() {
        try (Browser browser = new Browser(base)) {
            browser.logInInEnglish(DemoUser.BERTIL);
            assertEquals("/customer/dashboard.xhtml", browser.path());

            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            browser.follow("Profile");

            assertEquals("/login.xhtml", browser.path());
            assertTrue(browser.messages().contains("logged out after 15 minutes without activity"), browser.messages());
            browser.logIn(DemoUser.BERTIL);
            assertEquals("/customer/profile.xhtml", browser.path());
            assertEquals("Snickare", browser.field("Occupation").getAttribute("value"));
        }
    }

    @Test
    void staffLandOnTheirStartPageAndSeeOnlyTheirRole() {
        try (Browser browser = new Browser(base)) {
            browser.logInInEnglish(DemoUser.COMMUNICATIONS);
            assertEquals("/staff/index.xhtml", browser.path());
            assertTrue(browser.mainText().contains("Communications"));
            assertFalse(browser.mainText().contains("Customer service"));
            browser.open("/customer/dashboard.xhtml");
            assertEquals("Not allowed", browser.heading(), "staff are never customers");
            browser.open("/staff/support/lookup.xhtml");
            assertEquals("Not allowed", browser.heading());
        }
        try (Browser browser = new Browser(base)) {
            browser.logInInEnglish(DemoUser.SUPPORT);
            browser.follow("Look up a customer");
            browser.type("E-mail or name", "Ann");
            browser.press("Search");
            assertTrue(browser.text("lookup:results").contains(DemoUser.ANNA.email()));
        }
    }

    @Test
    void readinessReportsTheDatabase() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + base.getPort() + "/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"name\":\"database\",\"status\":\"UP\""), ready.body());
    }

    /** Policy §13 and §1: who the controller is and where to complain, on the contact page, in both languages. */
    @Test
    void theContactPageNamesTheControllerAndWhereToComplain() {
        try (Browser browser = new Browser(base)) {
            for (String lang : List.of("en", "sv")) {
                browser.open("/contact.xhtml?lang=" + lang);
                String page = browser.mainText();
                for (String fact : List.of(
                        "Skyonline Marketing Group AB (SOMG AB)",
                        "559147-7459",
                        "Västervägen 21, Sollentuna",
                        "kundtjanst@oncentrum.com",
                        "Integritetsskyddsmyndigheten")) {
                    assertTrue(page.contains(fact), lang + ": " + fact + " in " + page);
                }
                assertEquals(
                        "mailto:kundtjanst@oncentrum.com",
                        browser.driver()
                                .findElement(By.cssSelector("main address a"))
                                .getAttribute("href"));
                String footer =
                        browser.driver().findElement(By.tagName("footer")).getText();
                assertTrue(
                        footer.contains("Skyonline Marketing Group AB (SOMG AB)") && footer.contains("559147-7459"),
                        footer);
            }
            assertTrue(
                    browser.mainText().contains("klagomål"), "the Swedish page is in Swedish: " + browser.mainText());
        }
    }

    /**
     * Policy §7: the customer is told how to withdraw a consent (on the consents page) and may complain to IMY, with
     * the authority's address, e-mail and website named (not linked: no page refers to another host), on the requests
     * and contact pages, in Swedish and in English.
     */
    @Test
    void howToWithdrawAConsentAndHowToComplainToImyAreShownInBothLanguages() throws Exception {
        String node = base.toString().replaceAll("/$", "");
        WebSession anna = new WebSession();
        anna.logIn(node, DemoUser.ANNA.email(), DemoUser.ANNA.password());
        for (String language : List.of("sv", "en")) {
            ResourceBundle texts = ResourceBundle.getBundle("se.somg.portal.messages", Locale.forLanguageTag(language));
            String consents =
                    anna.open(node, "/customer/consents.xhtml?lang=" + language).body();
            assertTrue(consents.contains("<h2>" + texts.getString("consents.how.title") + "</h2>"), language);
            String afterTheAddress = MessageFormat.format(texts.getString("consents.how"), "\u0000")
                    .split("\u0000")[1];
            assertTrue(consents.contains(afterTheAddress), language + ": " + afterTheAddress);
            for (String page : List.of("/customer/requests.xhtml", "/contact.xhtml")) {
                String body = anna.open(node, page + "?lang=" + language).body();
                assertTrue(
                        body.contains(texts.getString("contact.imy.site")),
                        page + " in " + language + " names IMY's site");
                // named, never linked or loaded: the policy promises no transfer to another host
                assertFalse(body.contains("href=\"https://www.imy.se"), page + " in " + language);
                assertTrue(body.contains("Box 8114, 104 20 Stockholm"), page + " in " + language);
            }
        }
    }

    /**
     * Logs in as every demo user (and as nobody), visits every page the navigation reaches, and fails on any
     * reference to another host, on any serious or critical accessibility violation, and on any cookie the
     * cookie page does not list.
     */
    @Test
    void everyPageStaysOnThisHostIsAccessibleAndEveryCookieIsListed() {
        List<String> problems = new ArrayList<>();
        Set<String> cookies = new LinkedHashSet<>();
        // Cecilia is left out: she is past the retention period, and a retention test may erase her
        List<String> users = new ArrayList<>(Stream.of(DemoUser.values())
                .filter(user -> user != DemoUser.CECILIA)
                .map(DemoUser::email)
                .toList());
        users.add(null);
        for (String user : users) {
            try (Browser browser = new Browser(base)) {
                browser.open("/login.xhtml?lang=en");
                inspect(browser, user, problems, true);
                if (user != null) {
                    browser.logIn(DemoUser.byEmail(user));
                    assertNotEquals("/login.xhtml", browser.path(), user + " could not log in");
                }
                // Both languages for other hosts; axe-core once per page, as the markup is the same.
                for (String lang : List.of("en", "sv")) {
                    for (String page : new LinkedHashSet<>(browser.navigationLinks())) {
                        browser.driver().get(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
                        inspect(browser, user, problems, "en".equals(lang));
                    }
                }
                browser.driver().manage().getCookies().stream()
                        .map(Cookie::getName)
                        .forEach(cookies::add);
            }
        }
        try (Browser browser = new Browser(base)) {
            browser.open("/cookies.xhtml?lang=en");
            String listed = browser.text("cookieTable");
            cookies.stream()
                    .filter(name -> !listed.contains(name))
                    .forEach(name -> problems.add("cookie " + name + " is set but not listed on the cookie page"));
        }
        assertEquals(List.of(), problems);
    }

    private static void inspect(Browser browser, String user, List<String> problems, boolean accessibility) {
        String where =
                (user == null ? "visitor" : user) + " " + browser.driver().getCurrentUrl() + ": ";
        browser.foreignReferences().forEach(ref -> problems.add(where + "another host: " + ref));
        if (accessibility) {
            browser.seriousAccessibilityViolations().forEach(v -> problems.add(where + v));
        }
        if (browser.driver().findElements(By.tagName("h1")).isEmpty()) {
            problems.add(where + "no page heading");
        }
    }
}

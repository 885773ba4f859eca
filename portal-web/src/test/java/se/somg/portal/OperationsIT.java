package se.somg.portal;

import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import se.somg.portal.demo.DemoUser;
import se.somg.portal.devdb.WebSession;
import se.somg.portal.testing.Browser;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.StaffCodes;
import se.somg.portal.testing.TestClock;
import se.somg.portal.testing.TestDatabase;
import se.somg.portal.testing.TestEnvironment;

/**
 * Operations and transparency: the portal's figures at /metrics for its operators, the privacy officer's overview
 * and audit trail, "Access to my data" for customers, and "Verify an extract" for anyone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

    private static final String OFFICER = DemoUser.PRIVACY_OFFICER.email();
    private static final String OFFICER_PASSWORD = DemoUser.PRIVACY_OFFICER.password();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses();
    }

    @ArquillianResource
    private URL url;

    private String base;
    private final TestDatabase db = new TestDatabase();

    @BeforeEach
    void base() {
        base = url.toString().replaceAll("/$", "");
    }

    /** The figures move with what happens: a mail sent, a request past its due date, a login refused. */
    @Test
    void theFiguresMoveWithWhatHappens() throws Exception {
        double refused = metric("portal_logins_refused_total");
        double sent = metric("portal_mail_sent_total");
        double overdue = metric("portal_requests_overdue");

        new WebSession().logIn(base, "nobody." + System.nanoTime() + "@example.com", "Wrong-Password-1");
        assertEquals(refused + 1, metric("portal_logins_refused_total"), "a refused login is counted");

        String email = db.customer("Mätare");
        WebSession customer = new WebSession();
        customer.logIn(base, email, TestDatabase.PASSWORD);
        WebSession.Page requests = customer.page(base, "/customer/requests.xhtml?lang=en");
        customer.submit(
                base,
                requests,
                "request",
                Map.of("request:kind", "RECTIFICATION", "request:message", "Rätta mitt namn."),
                "request:send");
        awaitMetric("portal_mail_sent_total", sent + 1);

        try (TestClock aYearLater = TestClock.passes(base, Duration.ofDays(365))) {
            // at most three months after filing every request is due: a year on, every open one is overdue
            String figures = Awaitility.await("every open request overdue")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            this::metrics,
                            all -> metric(all, "portal_requests_overdue") >= overdue + 1
                                    && metric(all, "portal_requests_overdue") == metric(all, "portal_requests_open"));
            assertEquals(0, metric(figures, "portal_requests_due_week"), figures);
        }

        String all = metrics();
        for (String name : List.of(
                "portal_outbox_backlog",
                "portal_outbox_oldest_seconds",
                "portal_notices_fanout_backlog",
                "portal_requests_open",
                "portal_requests_due_week",
                "portal_complaints_unanswered",
                "portal_accounts_throttled",
                "portal_retention_last_run_seconds",
                "portal_retention_last_run_status",
                "portal_sessions_signed_in",
                "portal_logins_succeeded_total",
                "portal_mail_failed_total",
                "portal_extracts_issued_total")) {
            assertTrue(all.contains(name + "{"), name + " in " + all);
        }
        assertFalse(all.contains("@example.com"), "no figure names a person");
    }

    /** Anna sees support's look-up of her at once, by role and reason, and never the staff member's name. */
    @Test
    void aCustomerSeesEveryLookUpOfHerDataOnAccessToMyData() throws Exception {
        String email = db.customer("Insyn");
        WebSession support = new WebSession();
        support.logIn(base, DemoUser.SUPPORT.email(), DemoUser.SUPPORT.password(), StaffCodes.demo());
        WebSession.Page lookup = support.page(base, "/staff/support/lookup.xhtml?lang=en");
        support.submit(base, lookup, "lookup", Map.of("lookup:term", email), lookup.button("lookup", "Search"));

        try (Browser browser = new Browser(url)) {
            browser.logInInEnglish(email, TestDatabase.PASSWORD);
            browser.follow("Access to my data");
            assertEquals("Access to my data", browser.heading());
            String table = browser.text("staffAccess");
            assertTrue(table.contains("Customer service") && table.contains("Looked you up to help you"), table);
            assertFalse(table.contains(DemoUser.SUPPORT.email()), "the staff member is never named");
            assertEquals(List.of(), browser.seriousAccessibilityViolations());
        }
    }

    /** The privacy officer starts on the overview, and finds, filters and exports the audit trail. */
    @Test
    void thePrivacyOfficerSeesTheOverviewAndSearchesAndExportsTheAuditTrail() throws Exception {
        String email = db.customer("Granskad");
        WebSession support = new WebSession();
        support.logIn(base, DemoUser.SUPPORT.email(), DemoUser.SUPPORT.password(), StaffCodes.demo());
        WebSession.Page lookup = support.page(base, "/staff/support/lookup.xhtml?lang=en");
        support.submit(base, lookup, "lookup", Map.of("lookup:term", email), lookup.button("lookup", "Search"));

        try (Browser officer = new Browser(url)) {
            officer.logInInEnglish(DemoUser.PRIVACY_OFFICER);
            assertEquals(
                    "/staff/privacy/overview.xhtml", officer.path(), "the overview is the privacy officer's start");
            assertTrue(officer.mainText().contains("Requests overdue"), officer.mainText());
            assertFalse(officer.driver().findElements(By.cssSelector("canvas")).isEmpty(), "a chart");
            assertEquals(List.of(), officer.seriousAccessibilityViolations());

            officer.follow("Audit trail");
            officer.type("Customer e-mail", email);
            officer.press("Show");
            String events = officer.text("audit:events");
            assertTrue(events.contains("CUSTOMER_LOOKUP") && events.contains(email), events);
            assertTrue(events.contains("SUPPORT"), "who, by role and staff number");
            assertEquals(List.of(), officer.seriousAccessibilityViolations());

            officer.press("Export as CSV");
            String csv = Files.readString(officer.awaitDownload(".csv"), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("\uFEFFoccurred_at;role;staff_id;action"), csv);
            assertTrue(csv.contains("\"CUSTOMER_LOOKUP\"") && csv.contains(email), csv);
            db.await(
                    Duration.ofSeconds(10),
                    "SELECT count(*) > 0 FROM audit_event WHERE action = 'AUDIT_EXPORTED'"
                            + " AND occurred_at > now() - interval '1 minute'",
                    "t");
        }
    }

    /** Export cells that start like a formula are defused, so a name cannot run in a spreadsheet. */
    @Test
    void theAuditExportDefusesFormulas() throws Exception {
        db.execute(
                "INSERT INTO audit_event (id, occurred_at, actor, action, customer_id, detail) VALUES (nextval('audit_event_seq'),"
                        + " now(), 'SUPPORT:1', 'CUSTOMER_LOOKUP', NULL, '=HYPERLINK(\"http://evil.example\")')");
        WebSession officer = new WebSession();
        officer.logIn(base, OFFICER, OFFICER_PASSWORD, StaffCodes.demo());
        WebSession.Page page = officer.page(base, "/staff/privacy/audit.xhtml?lang=en");
        String csv = officer.submit(
                        base,
                        page,
                        "audit",
                        Map.of("audit:action", "CUSTOMER_LOOKUP"),
                        page.button("audit", "Export as CSV"))
                .body();
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""), csv);
    }

    /** A file the portal issued is recognised, with its date; one byte changed, or any other file, is not. */
    @Test
    void anExtractIsVerifiedByItsDigestAndNothingElseIs() throws Exception {
        String email = db.customer("Kontroll");
        try (Browser browser = new Browser(url)) {
            browser.logInInEnglish(email, TestDatabase.PASSWORD);
            browser.follow("My data");
            browser.type("Password", TestDatabase.PASSWORD);
            browser.press("Confirm password");
            browser.press("Download PDF");
            Path pdf = browser.awaitDownload(".pdf");
            browser.open("/customer/extract.xhtml?lang=en");
            browser.press("Download JSON");
            Path json = browser.awaitDownload(".json");
            String today = java.time.LocalDate.now(se.somg.portal.Sweden.ZONE).toString();

            browser.follow("Verify an extract");
            assertEquals("Verify an extract", browser.heading());
            assertEquals(List.of(), browser.seriousAccessibilityViolations());
            for (Path issued : List.of(pdf, json)) {
                assertEquals("This extract was issued by SOMG AB on " + today + ".", verify(browser, issued));
            }
            byte[] changed = Files.readAllBytes(json);
            changed[changed.length / 2] ^= 1;
            Path tampered = Files.write(Files.createTempFile("tampered", ".json"), changed);
            assertEquals("This file was not issued by SOMG AB.", verify(browser, tampered));
            Path unrelated =
                    Files.writeString(Files.createTempFile("unrelated", ".txt"), "Hej, det här är inget utdrag.");
            assertEquals("This file was not issued by SOMG AB.", verify(browser, unrelated));
        }
        Path huge = Files.createTempFile("huge", ".bin");
        Files.write(huge, new byte[9 * 1024 * 1024]);
        try (Browser visitor = new Browser(url)) {
            visitor.open("/verify.xhtml?lang=en");
            String answer = verify(visitor, huge);
            assertTrue(answer.contains("larger than 8 MiB"), answer);
        }
    }

    private static String verify(Browser browser, Path file) {
        browser.open("/verify.xhtml?lang=en");
        browser.driver()
                .findElement(By.id("verify:file"))
                .sendKeys(file.toAbsolutePath().toString());
        browser.press("Verify");
        return browser.messages().replace(" | ", "").strip();
    }

    private String metrics() throws Exception {
        return new WebSession()
                .send(HttpRequest.newBuilder(URI.create(base + "/metrics?scope=application"))
                        .header("Authorization", "Bearer " + TestEnvironment.METRICS_TOKEN))
                .body();
    }

    private double metric(String name) throws Exception {
        return metric(metrics(), name);
    }

    private static double metric(String all, String name) {
        Matcher value =
                Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.E+-]+)$").matcher(all);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private void awaitMetric(String name, double atLeast) {
        Awaitility.await(name)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> metric(name), greaterThanOrEqualTo(atLeast));
    }
}

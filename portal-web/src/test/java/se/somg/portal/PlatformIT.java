package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.somg.portal.demo.DemoUser;
import se.somg.portal.devdb.WebSession;
import se.somg.portal.testing.Browser;
import se.somg.portal.testing.Mailbox;
import se.somg.portal.testing.PlatformReceiver;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.TestDatabase;
import se.somg.portal.testing.TestEnvironment;

/**
 * SOMG's platforms connected (policy §1, §5.4, §7): two real receivers stand in for platforms, one healthy and one
 * that fails for a while; the administrator connects them on "Platforms", each names the customer it holds, and every
 * change of the customer reaches both, signed, in order, once after de-duplication, the same as the change feed; an
 * erasure reaches both and is confirmed by each.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]+");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses();
    }

    @ArquillianResource
    private URL url;

    private final TestDatabase db = new TestDatabase();
    private final HttpClient http = HttpClient.newHttpClient();
    private PlatformReceiver healthy;
    private PlatformReceiver flaky;
    private String email;
    private String oncentrumToken;

    @BeforeAll
    void receivers() throws Exception {
        healthy = new PlatformReceiver();
        flaky = new PlatformReceiver();
    }

    @AfterAll
    void stop() {
        healthy.close();
        flaky.close();
    }

    private String base() {
        return url.toString().replaceAll("/$", "");
    }

    @Test
    @Order(1)
    void theAdministratorConnectsTwoPlatformsAndSeesEachCredentialOnce() throws Exception {
        String platformsBefore = db.query("SELECT count(*) FROM platform");
        try (Browser admin = new Browser(url)) {
            admin.logInInEnglish(DemoUser.ADMINISTRATOR);
            admin.follow("Platforms");
            assertEquals(List.of(), admin.seriousAccessibilityViolations());
            assertTrue(admin.mainText().contains("www.oncentrum.com"), "the policy's platforms are there");

            admin.type("Code", "x");
            admin.type("Name", "Broken");
            admin.type("Domain", "not a domain");
            admin.type("Webhook URL", "ftp://example.com/hook");
            admin.press("Add platform");
            String refused = admin.mainText();
            assertTrue(refused.contains("Give a code of 2 to 32 capital letters"), refused);
            assertTrue(refused.contains("Give a domain such as"), refused);
            assertTrue(refused.contains("Give a web address starting with https://"), refused);
            assertEquals(platformsBefore, db.query("SELECT count(*) FROM platform"), "nothing stored");

            for (PlatformReceiver receiver : List.of(healthy, flaky)) {
                String code = receiver == healthy ? "HEALTHY_TEST" : "FLAKY_TEST";
                admin.open("/staff/admin/platforms.xhtml?lang=en");
                admin.type("Code", code);
                admin.type("Name", code.equals("HEALTHY_TEST") ? "Healthy" : "Flaky");
                admin.type("Domain", code.toLowerCase().replace('_', '-') + ".example");
                admin.type("Webhook URL", receiver.url());
                admin.press("Add platform");
                assertTrue(admin.messages().contains("was added"), admin.messages());
                WebElement row = admin.driver().findElement(By.cssSelector("tr[data-code='" + code + "']"));
                Matcher secret = SECRET.matcher(row.getText());
                assertTrue(secret.find(), row.getText());
                receiver.secret = secret.group();
                admin.press(row, "New credential");
                receiver.token = admin.text("credentialValue");
                assertTrue(receiver.token.startsWith("somg_pk_"), receiver.token);
                assertEquals(List.of(), admin.seriousAccessibilityViolations());
                admin.open("/staff/admin/platforms.xhtml?lang=en");
                assertFalse(admin.mainText().contains(receiver.token), "shown once");
            }
            admin.press(admin.driver().findElement(By.cssSelector("tr[data-code='ONCENTRUM_COM']")), "New credential");
            oncentrumToken = admin.text("credentialValue");
            WebElement row = admin.driver().findElement(By.cssSelector("tr[data-code='HEALTHY_TEST']"));
            admin.press(row, "Send test event");
            assertTrue(admin.messages().contains("A test event is on its way"), admin.messages());
        }
        Awaitility.await("the test event")
                .atMost(Duration.ofSeconds(30))
                .until(() -> healthy.types().contains("se.somg.portal.test.v1"));
        assertEquals(
                "2",
                db.query("SELECT count(*) FROM audit_event WHERE action = 'PLATFORM_CREDENTIAL_ISSUED'"
                        + " AND detail LIKE '%_TEST %'"),
                "every change audited");
        assertEquals(
                "2",
                db.query("SELECT count(*) FROM platform_credential WHERE token_hash NOT LIKE 'somg%'"
                        + " AND platform_code LIKE '%_TEST'"),
                "kept hashed");
    }

    @Test
    @Order(2)
    void eachPlatformNamesThePersonItHoldsOnceAndBadInputChangesNothing() throws Exception {
        email = db.customer("Plattform");
        String body = "{\"reference\":\"h-1\",\"email\":\"" + email + "\"}";
        HttpResponse<String> first = intake(healthy.token, "key-1", body);
        HttpResponse<String> again = intake(healthy.token, "key-1", body);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(first.body(), again.body(), "the same answer for the same key");
        assertEquals(201, again.statusCode());
        assertEquals(200, intake(healthy.token, "key-2", body).statusCode(), "the same person again changes nothing");
        assertEquals(
                409,
                intake(healthy.token, "key-1", "{\"reference\":\"h-2\",\"email\":\"" + email + "\"}")
                        .statusCode(),
                "one key, another body");
        assertEquals(
                201,
                intake(flaky.token, "key-1", "{\"reference\":\"f-1\",\"email\":\"" + email + "\"}")
                        .statusCode());
        assertEquals("2", db.query("SELECT count(*) FROM platform_person WHERE reference IN ('h-1', 'f-1')"));

        String intakes = db.query("SELECT count(*) FROM platform_intake");
        HttpResponse<String> bad = intake(healthy.token, "key-3", "{\"reference\":\"\",\"email\":\"nope\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(bad.body());
        assertTrue(
                problem.path("errors").has("reference")
                        && problem.path("errors").has("email"),
                bad.body());
        assertEquals(intakes, db.query("SELECT count(*) FROM platform_intake"), "nothing stored");

        String refusals = db.query("SELECT count(*) FROM audit_event WHERE action = 'PLATFORM_REFUSED'");
        for (String token : List.of("somg_pk_wrong", "")) {
            HttpResponse<String> refused = intake(token, "key-4", body);
            assertEquals(401, refused.statusCode());
            assertTrue(
                    refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
        assertEquals(
                String.valueOf(Long.parseLong(refusals) + 2),
                db.query("SELECT count(*) FROM audit_event WHERE action = 'PLATFORM_REFUSED'"),
                "each refusal audited");
    }

    /**
     * Policy §5.1 and §5.2: someone who signed a contract on www.oncentrum.com and never used the portal gets a
     * customer record with each datum's source and an invitation; the link shows the data held and where it came
     * from, and opens the account with a password.
     */
    @Test
    @Order(2)
    void aPersonThePortalDidNotKnowIsInvitedToClaimTheirAccount() throws Exception {
        String newcomer = "nykomling." + System.nanoTime() + "@example.com";
        String customers = db.query("SELECT count(*) FROM customer");
        HttpResponse<String> incomplete =
                intake(oncentrumToken, "new-1", "{\"reference\":\"oc-1\",\"email\":\"" + newcomer + "\"}");
        assertEquals(400, incomplete.statusCode(), incomplete.body());
        JsonNode errors = JSON.readTree(incomplete.body()).path("errors");
        for (String field : List.of("givenName", "familyName", "circumstance", "collectedAt")) {
            assertTrue(errors.has(field), field + " in " + incomplete.body());
        }
        assertEquals(customers, db.query("SELECT count(*) FROM customer"), "nothing stored");

        HttpResponse<String> created = intake(
                oncentrumToken,
                "new-2",
                ("{\"reference\":\"oc-1\",\"email\":\"%s\","
                                + "\"givenName\":\"Nora\",\"familyName\":\"Nykomling\",\"language\":\"en\","
                                + "\"circumstance\":\"CONTRACT\",\"collectedAt\":\"2026-11-02T10:15:00+01:00\","
                                + "\"consents\":[{\"purpose\":\"MARKETING_LISTS\",\"given\":true,\"policyVersion\":1,"
                                + "\"at\":\"2026-11-02T10:16:00+01:00\"}]}")
                        .formatted(newcomer));
        assertEquals(201, created.statusCode(), created.body());
        String mail = Mailbox.awaitText(newcomer, "open your account");
        assertTrue(mail.contains("www.oncentrum.com"), mail);
        try (Browser browser = new Browser(url)) {
            browser.open(Mailbox.linkPath(mail) + "&lang=en");
            String page = browser.mainText();
            assertTrue(page.contains("Nora") && page.contains("Nykomling") && page.contains(newcomer), page);
            assertTrue(page.contains("www.oncentrum.com") && page.contains("when you signed a contract"), page);
            assertEquals(List.of(), browser.seriousAccessibilityViolations());
            browser.type("New password (at least 10 characters)", "Nykomling-2026");
            browser.type("Repeat the new password", "Nykomling-2026");
            browser.press("Open my account");
            assertTrue(browser.messages().contains("Your account is open"), browser.messages());
            browser.open("/login.xhtml?lang=en");
            browser.logIn(newcomer, "Nykomling-2026");
            assertEquals("/customer/dashboard.xhtml", browser.path(), "the account opened with the chosen password");
        }
        assertEquals(
                "1",
                db.query(
                        "SELECT count(*) FROM platform_person pp JOIN customer c ON c.id = pp.customer_id JOIN credential"
                                + " cr ON cr.id = c.credential_id WHERE pp.platform_code = 'ONCENTRUM_COM' AND cr.email = '"
                                + newcomer + "'"),
                "and the platform holds the person from the start");
        assertEquals(
                "PLATFORM platform:ONCENTRUM_COM 1 true",
                db.query("SELECT e.method || ' ' || e.staff_actor || ' ' || e.policy_version || ' ' || e.given"
                        + " FROM consent_event e JOIN customer c ON c.id = e.customer_id JOIN credential cr"
                        + " ON cr.id = c.credential_id WHERE cr.email = '" + newcomer + "'"),
                "the platform's consent, with the policy version in force there");
    }

    @Test
    @Order(3)
    void everyChangeReachesBothPlatformsSignedInOrderOnceAndTheFeedSaysTheSame() throws Exception {
        flaky.failures.set(3);
        WebSession customer = new WebSession();
        customer.logIn(base(), email, TestDatabase.PASSWORD);
        for (String label : List.of("Give consent", "Withdraw", "Give consent")) {
            WebSession.Page consents = customer.page(base(), "/customer/consents.xhtml?lang=en");
            assertEquals(
                    200,
                    customer.submit(base(), consents, "consents", Map.of(), consents.button("consents", label))
                            .statusCode());
        }
        List<String> expected = List.of(
                "se.somg.portal.consent.given.v1",
                "se.somg.portal.consent.withdrawn.v1",
                "se.somg.portal.consent.given.v1");
        for (PlatformReceiver receiver : List.of(healthy, flaky)) {
            Awaitility.await("every change at " + receiver.url())
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> receiver.typesFor(receiver == healthy ? "h-1" : "f-1")
                                    .size()
                            >= 3);
            assertEquals(expected, receiver.typesFor(receiver == healthy ? "h-1" : "f-1"), "in order, once each");
            assertTrue(receiver.badSignatures.isEmpty(), "every one signed: " + receiver.badSignatures);
            for (JsonNode event : receiver.events()) {
                assertFalse(event.toString().contains("@"), "no address in a consent event: " + event);
            }
            JsonNode feed = JSON.readTree(
                    get("/api/platform/v1/changes?after=0", receiver.token).body());
            List<String> fed = new ArrayList<>();
            feed.path("events").forEach(event -> fed.add(event.path("id").asText()));
            assertEquals(receiver.ids(), fed, "the change feed: the same events in the same order");
        }
        assertTrue(flaky.refused.get() >= 3, "the flaky platform failed first: " + flaky.refused.get());
        String purpose = db.query("SELECT p.code FROM consent_event e JOIN consent_purpose p ON p.id = e.purpose_id"
                + " JOIN customer c ON c.id = e.customer_id JOIN credential cr ON cr.id = c.credential_id"
                + " WHERE cr.email = '" + email + "' ORDER BY e.id DESC LIMIT 1");
        HttpResponse<String> older = intake(
                oncentrumToken,
                "older-1",
                ("{\"reference\":\"oc-2\",\"email\":\"%s\","
                                + "\"consents\":[{\"purpose\":\"%s\",\"given\":false,\"policyVersion\":1,"
                                + "\"at\":\"2026-01-01T00:00:00+01:00\"}]}")
                        .formatted(email, purpose));
        assertEquals(201, older.statusCode(), older.body());
        assertEquals(
                purpose,
                JSON.readTree(older.body())
                        .path("customersLaterChoiceStands")
                        .path(0)
                        .asText(),
                "an older choice on a platform does not overwrite the customer's own later one: " + older.body());
        String told = customer.open(base(), "/customer/requests.xhtml?lang=en").body();
        assertTrue(
                told.contains("healthy-test.example")
                        && told.contains("flaky-test.example")
                        && told.contains("Consent withdrawn"),
                "the customer sees what each platform was told: " + told);
        String firstConsent = healthy.events().stream()
                .filter(event -> event.path("type").asText().startsWith("se.somg.portal.consent."))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
        assertEquals(204, confirm(firstConsent, healthy.token).statusCode(), "a platform may confirm any event");
        String history =
                customer.open(base(), "/customer/consents.xhtml?lang=en").body();
        assertTrue(
                history.contains("Sent to healthy-test.example on")
                        && history.contains("Sent to flaky-test.example on")
                        && history.contains(", confirmed on"),
                "each answer in the consent history says which platform was told and confirmed it when: " + history);
        Awaitility.await("the backlog per platform on /metrics")
                .atMost(Duration.ofSeconds(40))
                .until(() -> {
                    String metrics = http.send(
                                    HttpRequest.newBuilder(URI.create(base() + "/metrics"))
                                            .header("Authorization", "Bearer " + TestEnvironment.METRICS_TOKEN)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
                    return metrics.contains("portal_platform_backlog") && metrics.contains("platform=\"FLAKY_TEST\"");
                });
        assertTrue(
                db.query("SELECT failing_since IS NULL FROM platform WHERE code = 'FLAKY_TEST'")
                        .equals("t"),
                "and is no longer marked once it recovered");
    }

    @Test
    @Order(4)
    void aRestrictionAndAnErasureCompleteOnlyWhenEveryPlatformConfirmedOrTheOfficerSaidWhyNot() throws Exception {
        try (Browser customer = new Browser(url);
                Browser officer = new Browser(url)) {
            customer.logInInEnglish(email, TestDatabase.PASSWORD);
            officer.logInInEnglish(DemoUser.PRIVACY_OFFICER);

            // a restriction: the healthy platform confirms, the flaky one cannot and the officer records why
            String restriction = fileAndComplete(customer, officer, "Restriction");
            Map<PlatformReceiver, String> restrictions = toldToBoth("se.somg.portal.restriction.in-force.v1");
            assertEquals(204, confirm(restrictions.get(healthy), healthy.token).statusCode());
            // oncentrum.com, which named the customer too, reads the change feed instead of taking webhooks
            assertEquals(
                    204,
                    confirm(fromFeed(oncentrumToken, "se.somg.portal.restriction.in-force.v1"), oncentrumToken)
                            .statusCode());
            assertEquals("CONFIRMING", status(restriction), "one platform still owes its confirmation");
            openRequest(officer, restriction);
            assertEquals(List.of(), officer.seriousAccessibilityViolations());
            assertTrue(officer.text("platformNews").contains("Not yet"), officer.text("platformNews"));
            officer.press("Record why it cannot confirm");
            assertTrue(
                    officer.messages().contains("Fill in this field"), "a reason is required: " + officer.messages());
            assertEquals("CONFIRMING", status(restriction), "nothing changed");
            Select platform = new Select(officer.field("Platform that cannot confirm"));
            platform.getOptions().stream()
                    .filter(option -> option.getText().startsWith("flaky-test.example: Restriction"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the flaky platform's restriction to choose"))
                    .click();
            officer.type("Why it cannot confirm (shown to the customer)", "Flaky closed its customer register.");
            officer.press("Record why it cannot confirm");
            assertTrue(officer.messages().contains("Recorded"), officer.messages());
            assertEquals("COMPLETED", status(restriction), "completed when no platform is left to confirm");
            assertEquals(
                    "1",
                    db.query("SELECT count(*) FROM audit_event WHERE action = 'PLATFORM_CONFIRMATION_WAIVED'"
                            + " AND detail LIKE 'FLAKY_TEST %'"));
            customer.follow("Requests");
            String news = customer.text("platformNews");
            assertTrue(
                    news.contains("Cannot confirm, recorded by SOMG: Flaky closed its customer register."),
                    "the customer sees why: " + news);

            // an erasure: completed, and the portal's own data erased, only once both platforms confirmed
            String erasure = fileAndComplete(customer, officer, "Erasure");
            assertTrue(officer.messages().contains("told to SOMG's platforms"), officer.messages());
            Map<PlatformReceiver, String> erasures = toldToBoth("se.somg.portal.erasure.done.v1");
            assertEquals(
                    404,
                    confirm(erasures.get(healthy), flaky.token).statusCode(),
                    "another platform's event is not found");
            assertEquals(204, confirm(erasures.get(healthy), healthy.token).statusCode());
            assertEquals(204, confirm(erasures.get(healthy), healthy.token).statusCode(), "again: nothing changes");
            assertEquals(
                    204,
                    confirm(fromFeed(oncentrumToken, "se.somg.portal.erasure.done.v1"), oncentrumToken)
                            .statusCode());
            assertEquals("CONFIRMING", status(erasure), "the flaky platform has not confirmed yet");
            customer.follow("Requests");
            assertTrue(
                    customer.mainText().contains("Waiting for SOMG's platforms to confirm"),
                    "the customer follows it: " + customer.mainText());
            WebElement healthyRow = customer.rows("platformNewsTable").stream()
                    .filter(r -> r.getText().contains("healthy-test.example")
                            && r.getText().contains("Erasure"))
                    .findFirst()
                    .orElseThrow();
            assertFalse(
                    healthyRow.getText().contains("Not yet"),
                    "the healthy platform confirmed: " + healthyRow.getText());
            assertTrue(
                    customer.rows("platformNewsTable").stream()
                            .anyMatch(r -> r.getText().contains("flaky-test.example")
                                    && r.getText().contains("Erasure")
                                    && r.getText().contains("Not yet")),
                    customer.text("platformNews"));
            assertEquals(
                    "1", db.query("SELECT count(*) FROM credential WHERE email = '" + email + "'"), "not erased yet");

            assertEquals(204, confirm(erasures.get(flaky), flaky.token).statusCode());
            assertEquals("COMPLETED", status(erasure), "both confirmed");
        }
        assertEquals("0", db.query("SELECT count(*) FROM credential WHERE email = '" + email + "'"), "erased");
        assertEquals(
                "1",
                db.query("SELECT count(*) FROM platform_event WHERE type = 'se.somg.portal.erasure.done.v1'"
                        + " AND platform_code = 'HEALTHY_TEST' AND confirmed_at IS NOT NULL"),
                "told once, not again by the anonymisation");
        assertEquals(
                "0",
                db.query("SELECT count(*) FROM platform_person WHERE reference IN ('h-1', 'f-1')"),
                "the links went with the person");
        assertEquals(
                "0",
                db.query("SELECT count(*) FROM platform_event WHERE body LIKE '%consent.%' AND body LIKE '%\"h-1\"%'"),
                "what the platforms were told before went too");
    }

    /** The customer files a request of this kind and the privacy officer completes it; answers its number. */
    private String fileAndComplete(Browser customer, Browser officer, String kind) {
        customer.follow("Requests");
        new Select(customer.field("Request")).selectByVisibleText(kind);
        customer.press("Send request");
        String requestId = db.query("SELECT max(r.id) FROM subject_request r JOIN customer c ON c.id = r.customer_id"
                + " JOIN credential cr ON cr.id = c.credential_id WHERE cr.email = '" + email + "'");
        openRequest(officer, requestId);
        assertTrue(officer.mainText().contains(email), officer.mainText());
        assertTrue(
                officer.text("platformNews").contains("flaky-test.example"),
                "the officer sees the requester's platforms: " + officer.text("platformNews"));
        officer.press("Complete");
        assertEquals("CONFIRMING", status(requestId), "carried out, waiting for the platforms");
        return requestId;
    }

    private void openRequest(Browser officer, String requestId) {
        officer.follow("Data-subject requests");
        // this customer's request, not another test class's left open in the shared queue
        WebElement row = officer.rows("openRequests").stream()
                .filter(r -> r.findElements(By.tagName("td")).get(0).getText().equals(requestId))
                .findFirst()
                .orElseThrow();
        officer.click(row.findElement(By.cssSelector("input[type=submit]")));
    }

    /** The id of the newest event of this type in the platform's change feed, read as the platform would. */
    private String fromFeed(String token, String type) throws Exception {
        JsonNode feed = JSON.readTree(
                get("/api/platform/v1/changes?after=0&limit=500", token).body());
        String id = null;
        for (JsonNode event : feed.path("events")) {
            if (event.path("type").asText().equals(type)) {
                id = event.path("id").asText();
            }
        }
        assertTrue(id != null, type + " in the feed: " + feed);
        return id;
    }

    private String status(String requestId) {
        return db.query("SELECT status FROM subject_request WHERE id = " + requestId);
    }

    /** Waits until both platforms got an event of this type for the customer; answers each one's event id. */
    private Map<PlatformReceiver, String> toldToBoth(String type) {
        Map<PlatformReceiver, String> told = new LinkedHashMap<>();
        for (PlatformReceiver receiver : List.of(healthy, flaky)) {
            String reference = receiver == healthy ? "h-1" : "f-1";
            Awaitility.await(type + " at " + receiver.url())
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> receiver.typesFor(reference).contains(type));
            JsonNode event = receiver.events().stream()
                    .filter(e -> e.path("type").asText().equals(type))
                    .findFirst()
                    .orElseThrow();
            assertEquals(reference, event.path("data").path("reference").asText());
            told.put(receiver, event.path("id").asText());
        }
        return told;
    }

    private HttpResponse<String> intake(String token, String key, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/platform/v1/customers"))
                        .header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> confirm(String eventId, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/platform/v1/events/" + eventId + "/confirmation"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

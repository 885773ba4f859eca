package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.somg.portal.demo.DemoUser;
import se.somg.portal.extract.ExtractService;
import se.somg.portal.kernel.Platform;
import se.somg.portal.testing.Browser;
import se.somg.portal.testing.Mailbox;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.TestAccounts;
import se.somg.portal.testing.TestDatabase;

/**
 * The rights of policy §7 in the browser: register extracts after the password check (PDF read with PDFBox,
 * JSON validated against the shipped schema), no way to another customer's extract, an erasure from request to
 * confirmation mail, a complaint and its answer, a lawful disclosure in the extract, and retention runs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RightsBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses();
    }

    @ArquillianResource
    private URL base;

    private static JsonSchema schema() throws Exception {
        try (InputStream in = ExtractService.class.getResourceAsStream(ExtractService.SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }

    /** Parses an extract and fails unless it validates against the schema the portal ships. */
    private static JsonNode validExtract(byte[] json) throws Exception {
        JsonNode extract = new ObjectMapper().readTree(json);
        assertEquals(java.util.Set.of(), schema().validate(extract));
        return extract;
    }

    private static HttpResponse<byte[]> get(Browser browser, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.base() + path))
                                .header("Cookie", browser.cookieHeader())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> checkPassword(Browser browser, String password) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.base() + "/api/me/password-check"))
                                .header("Cookie", browser.cookieHeader())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Origin", browser.base())
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String issuedList(Browser browser, String digest) {
        // the list is replaced by the Ajax update while it is read
        return Awaitility.await("the issued list names " + digest)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
                .until(() -> browser.text("issued"), text -> text.contains(digest));
    }

    @Test
    void annaDownloadsBothExtractsAfterThePasswordCheck() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.logInInEnglish(DemoUser.ANNA);
            browser.follow("My data");
            assertEquals("My data", browser.heading());
            assertFalse(
                    browser.driver().findElement(By.id("download:pdf")).isEnabled(), "no download before the check");
            assertEquals(403, get(browser, "/api/me/extract").statusCode());
            assertEquals(List.of(), browser.seriousAccessibilityViolations());
            assertEquals(List.of(), browser.foreignReferences());

            browser.type("Password", "not-her-password");
            browser.press("Confirm password");
            assertTrue(browser.messages().contains("The password is not right"), browser.messages());
            assertEquals(403, get(browser, "/api/me/extract.pdf").statusCode());

            browser.type("Password", DemoUser.ANNA.password());
            browser.press("Confirm password");
            assertTrue(browser.messages().contains("Password confirmed"), browser.messages());

            browser.press("Download PDF");
            Path pdf = browser.awaitDownload(".pdf");
            byte[] pdfBytes = Files.readAllBytes(pdf);
            String text;
            try (PDDocument document = Loader.loadPDF(pdfBytes)) {
                text = new PDFTextStripper().getText(document);
            }
            for (String expected : List.of(
                    "Register extract",
                    "Anna",
                    "Andersson",
                    DemoUser.ANNA.email(),
                    "198507142381",
                    "Storgatan 12",
                    "Sollentuna",
                    "+46701234567",
                    "Projektledare",
                    "Matlagning",
                    "Sommarkampanj 2024",
                    "Marketing lists and newsletters",
                    "Skyonline Marketing Group AB",
                    "559147-7459",
                    "Integritetsskyddsmyndigheten",
                    "24 months",
                    "Sign-ins (never an IP address)",
                    "Two-step verification")) {
                // table cells wrap long values, so compare without white space
                assertTrue(
                        text.replaceAll("\\s+", "").contains(expected.replaceAll("\\s+", "")),
                        "the PDF holds " + expected);
            }
            assertTrue(
                    issuedList(browser, sha256(pdfBytes)).contains(sha256(pdfBytes)),
                    "the page states the PDF's digest");
            assertTrue(browser.text("extractProgress").contains("ready"));

            browser.press("Download JSON");
            byte[] json = Files.readAllBytes(browser.awaitDownload(".json"));
            JsonNode extract = validExtract(json);
            assertEquals("en", extract.get("language").asText());
            assertEquals(
                    "198507142381", extract.at("/personalData/birth/0/value").asText());
            assertEquals(
                    DemoUser.ANNA.email(),
                    extract.at("/personalData/contactInformation/0/value").asText());
            assertTrue(extract.get("extracts").toString().contains(sha256(pdfBytes)), "earlier extracts are listed");
            assertEveryDatumNamesTheSourceRecordedForIt(extract, DemoUser.ANNA.email());
            // policy §3: the controller, in the extract as on the policy page
            assertEquals(
                    "Skyonline Marketing Group AB (SOMG AB)",
                    extract.at("/controller/name").asText());
            assertEquals(
                    "559147-7459", extract.at("/controller/organisationNumber").asText());
            assertTrue(issuedList(browser, sha256(json)).contains(sha256(json)));
            assertEquals(List.of(), browser.seriousAccessibilityViolations());
            for (String language : List.of("en", "sv")) {
                browser.open("/policy.xhtml?lang=" + language);
                String policy = browser.mainText();
                assertTrue(
                        policy.contains("Skyonline Marketing Group AB") && policy.contains("559147-7459"),
                        "the policy page names the controller in " + language);
            }
        }
    }

    @Test
    void bertilGetsOnlyHisOwnExtractAndAtMostFiveAnHour() throws Exception {
        try (Browser officer = new Browser(base)) {
            officer.logInInEnglish(DemoUser.PRIVACY_OFFICER);
            officer.follow("Lawful disclosures");
            assertEquals(List.of(), officer.seriousAccessibilityViolations());
            officer.driver().findElement(By.id("disclosure:customer")).sendKeys(DemoUser.BERTIL.email());
            officer.type("Recipient (authority)", "Polismyndigheten");
            officer.type("Legal ground", "Rättegångsbalken 27 kap. 1 §");
            officer.field("Date of disclosure").sendKeys("03022026");
            officer.type("Categories of data disclosed", "Name, postal address");
            officer.press("Record disclosure");
            assertTrue(officer.messages().contains("The disclosure has been recorded"), officer.messages());
        }
        try (Browser browser = new Browser(base)) {
            browser.logInInEnglish(DemoUser.BERTIL);
            assertEquals(
                    403,
                    checkPassword(browser, DemoUser.ANNA.password()).statusCode(),
                    "another customer's password is wrong");
            assertEquals(204, checkPassword(browser, DemoUser.BERTIL.password()).statusCode());

            HttpResponse<byte[]> own = get(browser, "/api/me/extract");
            assertEquals(200, own.statusCode());
            assertTrue(own.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonNode extract = validExtract(own.body());
            assertEquals("Bertil", extract.at("/personalData/name/0/value").asText());
            assertTrue(
                    extract.get("recipients").toString().contains("Polismyndigheten"), "the disclosure is a recipient");
            assertTrue(extract.get("recipients").toString().contains("AUTHORITY"));

            int issued = 1;
            for (String attempt : List.of(
                    "/api/me/extract?customer=1",
                    "/api/me/extract?customerId=1&email=anna.andersson@example.com",
                    "/api/me/extract.pdf?id=1",
                    "/api/me/extract/1",
                    "/api/me/1/extract",
                    "/api/customers/1/extract",
                    "/api/me/extract;customer=1")) {
                HttpResponse<byte[]> response = get(browser, attempt);
                String body = new String(response.body(), StandardCharsets.ISO_8859_1);
                assertFalse(
                        body.contains("anna.andersson") || body.contains("198507142381"),
                        attempt + " leaked Anna's data");
                if (response.statusCode() == 200) {
                    issued++;
                }
            }
            assertTrue(issued <= ExtractService.PER_HOUR);
            while (issued < ExtractService.PER_HOUR) {
                assertEquals(200, get(browser, "/api/me/extract").statusCode());
                issued++;
            }
            HttpResponse<byte[]> tooMany = get(browser, "/api/me/extract.pdf");
            assertEquals(429, tooMany.statusCode());
            assertTrue(new String(tooMany.body(), StandardCharsets.UTF_8)
                    .contains("5 register extracts in the last hour"));

            browser.follow("My data");
            browser.press("Download JSON");
            assertTrue(browser.messages().contains("5 register extracts in the last hour"), browser.messages());
        }
    }

    @Test
    void anErasureGoesFromRequestToConfirmationMailAndEndsTheSession() throws Exception {
        String email = TestAccounts.ERASURE_EMAIL;
        try (Browser customer = new Browser(base);
                Browser officer = new Browser(base)) {
            customer.logInInEnglish(email, TestAccounts.PASSWORD);
            customer.follow("Requests");
            assertEquals(List.of(), customer.seriousAccessibilityViolations());
            assertTrue(
                    customer.mainText().contains("Integritetsskyddsmyndigheten"),
                    "the page explains the right to complain to IMY");
            customer.press("End my customer relationship");
            assertTrue(customer.messages().contains("Tick the box"), customer.messages());
            customer.driver().findElement(By.id("contract:confirmEnd")).click();
            customer.press("End my customer relationship");
            assertTrue(customer.messages().contains("Your customer relationship has ended"), customer.messages());
            assertTrue(customer.text("contractEnded").contains("will be anonymised on"));
            new Select(customer.field("Request")).selectByVisibleText("Erasure");
            customer.type("Message (optional)", "Please erase everything about me.");
            customer.press("Send request");
            assertTrue(customer.messages().contains("We will answer by"), customer.messages());
            String mine = customer.text("myRequests");
            assertTrue(mine.contains("Erasure") && mine.contains("Submitted"), mine);
            Mailbox.awaitText(email, "Vi har tagit emot din begäran");

            officer.logInInEnglish(DemoUser.PRIVACY_OFFICER);
            officer.follow("Data-subject requests");
            assertEquals(List.of(), officer.seriousAccessibilityViolations());
            WebElement row = officer.rows("openRequests").stream()
                    .filter(r -> r.getText().contains("Erasure"))
                    .reduce((first, second) -> second)
                    .orElseThrow();
            officer.click(row.findElement(By.cssSelector("input[type=submit]")));
            assertTrue(officer.mainText().contains(email), "the officer sees who asked");
            assertTrue(officer.mainText().contains("Please erase everything about me."));
            assertEquals(List.of(), officer.seriousAccessibilityViolations());
            officer.press("Complete");
            assertTrue(officer.messages().contains("The request is completed"), officer.messages());

            String confirmation = Mailbox.awaitText(email, "Dina personuppgifter är raderade");
            assertTrue(confirmation.contains("raderat"));

            customer.follow("Profile");
            assertEquals("/login.xhtml", customer.path(), "the erased customer's session has ended");
            customer.logIn(email, TestAccounts.PASSWORD);
            assertTrue(
                    customer.messages().contains("not right") || customer.path().equals("/login.xhtml"),
                    "the erased account cannot log in");
            assertEquals("/login.xhtml", customer.path());
        }
    }

    @Test
    void aComplaintIsAnsweredAndRetentionRunsFromItsPage() throws Exception {
        String complaint = "My letters keep coming " + System.nanoTime();
        try (Browser customer = new Browser(base)) {
            customer.logInInEnglish(DemoUser.BERTIL);
            customer.follow("Requests");
            customer.press("Send complaint");
            assertTrue(customer.messages().contains("Choose what your complaint is about"), customer.messages());
            new Select(customer.field("Subject")).selectByVisibleText("Marketing");
            customer.type("Your complaint", complaint);
            customer.press("Send complaint");
            assertTrue(customer.messages().contains("Your complaint has been sent"), customer.messages());

            try (Browser officer = new Browser(base)) {
                officer.logInInEnglish(DemoUser.PRIVACY_OFFICER);
                officer.follow("Complaints");
                WebElement row = officer.rows("complaints").stream()
                        .filter(r -> r.getText().contains(complaint))
                        .findFirst()
                        .orElseThrow();
                officer.click(row.findElement(By.cssSelector("input[type=submit]")));
                officer.type("Answer", "We have stopped the letters.");
                officer.press("Send answer");
                assertTrue(officer.messages().contains("The answer has been sent"), officer.messages());
                assertEquals(List.of(), officer.seriousAccessibilityViolations());

                officer.follow("Retention");
                assertEquals(List.of(), officer.seriousAccessibilityViolations());
                officer.press("Dry run");
                assertTrue(officer.messages().contains("Nothing was changed"), officer.messages());
                assertTrue(officer.text("retentionRuns").contains("Dry run"));
                officer.press("Run now");
                assertTrue(officer.messages().contains("The retention run has started"), officer.messages());
                String runs = Awaitility.await("the retention run finishes")
                        .atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(500))
                        .until(
                                () -> officer.open("/staff/privacy/retention.xhtml")
                                        .driver()
                                        .findElement(By.cssSelector("#retentionRuns tbody tr"))
                                        .getText(),
                                text -> text.contains("Finished"));
                assertTrue(runs.contains("Run") && runs.contains("Finished"), runs);
                assertTrue(
                        officer.mainText().contains("Accounts past the retention period now: 0"), officer.mainText());
            }
            customer.follow("Requests");
            assertTrue(customer.text("myComplaints").contains("We have stopped the letters."));
            assertTrue(Mailbox.awaitText(DemoUser.BERTIL.email(), "Vårt svar på ditt klagomål")
                    .contains("We have stopped the letters."));
        }
    }

    /**
     * Policy §1 and §5.2: each datum of the extract names the platform and the circumstance recorded for it (its own
     * source, or the account's where the datum has none), as the database holds them.
     */
    private static void assertEveryDatumNamesTheSourceRecordedForIt(JsonNode extract, String email) {
        TestDatabase db = new TestDatabase();
        String customer = db.query("SELECT c.id FROM customer c JOIN credential cr ON cr.id = c.credential_id"
                + " WHERE cr.email = '" + email + "'");
        Map<String, String> fields = Map.ofEntries(
                Map.entry("givenName", "GIVEN_NAME"),
                Map.entry("familyName", "FAMILY_NAME"),
                Map.entry("email", "EMAIL"),
                Map.entry("phone", "PHONE"),
                Map.entry("personalIdentityNumber", "PERSONAL_IDENTITY_NUMBER"),
                Map.entry("birthDate", "BIRTH_DATE"),
                Map.entry("street", "POSTAL_ADDRESS"),
                Map.entry("postcode", "POSTAL_ADDRESS"),
                Map.entry("city", "POSTAL_ADDRESS"),
                Map.entry("country", "POSTAL_ADDRESS"),
                Map.entry("occupation", "OCCUPATION"));
        int compared = 0;
        for (String category : List.of("name", "contactInformation", "birth", "postalAddress", "occupation")) {
            for (JsonNode datum : extract.at("/personalData/" + category)) {
                String field = fields.get(datum.get("datum").asText());
                String recorded = "(SELECT %s FROM datum_source WHERE customer_id = " + customer + " AND field = '"
                        + field + "')";
                String platform = db.query("SELECT coalesce(" + recorded.formatted("platform")
                        + ", platform) FROM customer WHERE id = " + customer);
                String circumstance = db.query("SELECT coalesce(" + recorded.formatted("circumstance")
                        + ", collected_through) FROM customer WHERE id = " + customer);
                assertEquals(
                        Platform.valueOf(platform).getHost(),
                        datum.get("platform").asText(),
                        datum.toString());
                assertEquals(circumstance, datum.get("circumstance").asText(), datum.toString());
                compared++;
            }
        }
        for (JsonNode interest : extract.at("/personalData/interests")) {
            String where = " FROM interest WHERE customer_id = " + customer + " AND tag = '"
                    + interest.get("value").asText().replace("'", "''") + "'";
            assertEquals(
                    Platform.valueOf(db.query("SELECT platform" + where)).getHost(),
                    interest.get("platform").asText());
            assertEquals(
                    db.query("SELECT circumstance" + where),
                    interest.get("circumstance").asText());
            compared++;
        }
        assertTrue(compared >= 12, "the data compared: " + compared);
    }
}

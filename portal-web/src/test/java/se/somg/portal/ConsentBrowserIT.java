package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import se.somg.portal.consent.ConsentReceipts;
import se.somg.portal.demo.DemoUser;
import se.somg.portal.testing.Browser;
import se.somg.portal.testing.PortalDeployment;

/** Anna withdraws and gives a consent in the browser and downloads its receipt; Bertil cannot get it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsentBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses();
    }

    @ArquillianResource
    private URL base;

    /** GET with the browser's session, as a download would. */
    private static HttpResponse<String> download(Browser browser, String href) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", browser.cookieHeader())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void annaWithdrawsAndGivesAConsentAndDownloadsTheReceipt() throws Exception {
        String receiptHref;
        try (Browser browser = new Browser(base)) {
            browser.logInInEnglish(DemoUser.ANNA);
            browser.follow("Consents");
            assertTrue(browser.mainText().contains("How to withdraw a consent"));
            String competitions = browser.section("Competitions").getText();
            assertTrue(competitions.contains("Given"), competitions);

            browser.click(By.cssSelector("button[aria-label='Withdraw: Competitions']"));
            assertTrue(browser.messages().contains("Your consent is withdrawn"), browser.messages());
            assertTrue(browser.section("Competitions").getText().contains("Withdrawn"));

            browser.click(By.cssSelector("button[aria-label='Give consent: Competitions']"));
            assertTrue(browser.messages().contains("Your consent is given"), browser.messages());
            assertTrue(browser.section("Competitions").getText().contains("(privacy policy version "));
            assertEquals(java.util.List.of(), browser.seriousAccessibilityViolations());

            receiptHref = browser.driver()
                    .findElement(By.cssSelector("a[aria-label='Receipt as JSON: Competitions']"))
                    .getAttribute("href");
            HttpResponse<String> json = download(browser, receiptHref);
            assertEquals(200, json.statusCode());
            assertTrue(
                    json.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
            JsonNode receipt = new ObjectMapper().readTree(json.body());
            try (InputStream schema = ConsentReceipts.class.getResourceAsStream(ConsentReceipts.SCHEMA)) {
                assertEquals(
                        Set.of(),
                        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                                .getSchema(schema)
                                .validate(receipt));
            }
            assertEquals("GIVEN", receipt.get("consentState").asText());
            assertEquals(DemoUser.ANNA.email(), receipt.get("piiPrincipalId").asText());

            HttpResponse<String> text = download(
                    browser,
                    browser.driver()
                            .findElement(By.cssSelector("a[aria-label='Receipt as text: Competitions']"))
                            .getAttribute("href"));
            assertTrue(text.body().contains("CONSENT RECEIPT") && text.body().contains("Consent: given"), text.body());
        }
        try (Browser bertil = new Browser(base)) {
            bertil.logInInEnglish(DemoUser.BERTIL);
            assertEquals(404, download(bertil, receiptHref).statusCode(), "another customer's receipt is not found");
        }
    }
}

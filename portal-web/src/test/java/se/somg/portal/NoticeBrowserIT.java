package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import se.somg.portal.demo.DemoUser;
import se.somg.portal.testing.Browser;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.TestDatabase;
import se.somg.portal.testing.TestEnvironment;

/**
 * A communications officer broadcasts a merger notice; Anna sees the badge, reads and acknowledges it, and the
 * figures move; the CSV lists download; e-mail reaches everyone exactly once though the SMTP server goes down.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoticeBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses();
    }

    @ArquillianResource
    private URL base;

    private final TestDatabase db = new TestDatabase();

    private static HttpResponse<String> get(Browser browser, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.base() + path))
                                .header("Cookie", browser.cookieHeader())
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> postJson(Browser browser, String path, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.base() + path))
                                .header("Cookie", browser.cookieHeader())
                                .header("Content-Type", "application/json")
                                .header("Origin", browser.base())
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static long refreshed(Browser browser, String id) {
        browser.driver().navigate().refresh();
        return figure(browser, id);
    }

    private static long figure(Browser browser, String id) {
        return Long.parseLong(browser.text(id).trim());
    }

    @Test
    void aMergerNoticeReachesAnnaWhoReadsAndAcknowledgesIt() throws Exception {
        String title = "SOMG joins Nordic Media " + System.nanoTime();
        try (Browser comms = new Browser(base);
                Browser anna = new Browser(base)) {
            comms.logInInEnglish(DemoUser.COMMUNICATIONS);
            comms.follow("Notices");
            assertEquals(List.of(), comms.seriousAccessibilityViolations());
            new Select(comms.field("Kind")).selectByVisibleText("Merger or sale");
            comms.type("Title (Swedish)", title + " (sv)");
            comms.type("Text (Swedish)", "SOMG går samman med Nordic Media Group AB.");
            comms.type("Title (English)", title);
            comms.type("Text (English)", "SOMG merges with Nordic Media Group AB.");
            comms.press("Preview");
            assertTrue(
                    comms.messages().contains("Give the web address"),
                    "a merger needs the acquirer's policy: " + comms.messages());
            comms.type("Acquiring party (for a merger)", "Nordic Media Group AB");
            comms.type("Web address of its privacy policy (for a merger)", "https://nordicmedia.example/privacy");
            comms.press("Preview");
            String reaches = comms.text("previewAudience");
            assertTrue(reaches.matches("This notice reaches \\d+ customers now\\."), reaches);
            assertTrue(comms.mainText().contains("SOMG merges with Nordic Media Group AB."));
            assertEquals(List.of(), comms.seriousAccessibilityViolations());
            comms.press("Publish");
            assertTrue(comms.messages().contains("The notice is published"), comms.messages());
            assertEquals("/staff/communications/notice.xhtml", comms.path());
            long audience = figure(comms, "figAudience");
            assertTrue(audience > 0);
            assertEquals(
                    "This notice reaches " + audience + " customers now.",
                    reaches,
                    "the preview named the audience the published notice has");
            long readBefore = figure(comms, "figRead");
            assertEquals(List.of(), comms.seriousAccessibilityViolations());

            anna.logInInEnglish(DemoUser.ANNA);
            long badge = Long.parseLong(anna.text("unreadCount").trim());
            assertTrue(badge >= 1, "the badge counts the new notice");
            anna.follow("Notifications");
            assertEquals(List.of(), anna.seriousAccessibilityViolations());
            assertTrue(anna.driver()
                    .findElement(By.xpath("//tr[contains(@class,'unread')][.//a[normalize-space(.)='" + title + "']]"))
                    .isDisplayed());
            anna.follow(title);
            assertTrue(anna.mainText().contains("SOMG merges with Nordic Media Group AB."));
            assertTrue(anna.mainText().contains("https://nordicmedia.example/privacy"));
            assertEquals(badge - 1, Long.parseLong(anna.text("unreadCount").trim()), "opening it marked it read");
            anna.press("I have read this");
            assertTrue(anna.messages().contains("Your acknowledgement has been recorded"), anna.messages());
            assertTrue(anna.text("acknowledgedAt").startsWith("You acknowledged this on"));
            assertEquals(List.of(), anna.seriousAccessibilityViolations());
            assertTrue(get(anna, "/api/me/notices").body().contains("\"title\":\"" + title + "\""));

            comms.driver().navigate().refresh();
            assertEquals(readBefore + 1, figure(comms, "figRead"), "the figures move: Anna read it");
            assertEquals(1, figure(comms, "figAcknowledged"), "Anna acknowledged it");
            assertFalse(
                    comms.driver()
                            .findElements(By.cssSelector("#figures canvas"))
                            .isEmpty(),
                    "the figures over time as a chart");

            String noticeId = comms.driver().getCurrentUrl().replaceAll(".*id=(\\d+).*", "$1");
            HttpResponse<String> letters = get(comms, "/api/staff/notices/" + noticeId + "/letters.csv");
            assertEquals(200, letters.statusCode());
            assertTrue(
                    letters.body()
                            .startsWith(
                                    "\uFEFFcustomer_number;given_name;family_name;street;postcode;city;country;language;title"));
            HttpResponse<String> phone = get(comms, "/api/staff/notices/" + noticeId + "/phone.csv");
            assertTrue(phone.body().startsWith("\uFEFFcustomer_number;given_name;family_name;phone;language;title"));
            assertEquals(
                    403,
                    get(anna, "/api/staff/notices/" + noticeId + "/letters.csv").statusCode(),
                    "customers get no lists");
        }
    }

    /**
     * The SMTP server is down when a broadcast goes out and comes back later: every customer in the audience who
     * chose e-mail receives the notice once, none twice.
     */
    @Test
    void mailReachesEveryoneOnceThoughTheSmtpServerFailsAndComesBack() throws Exception {
        String title = "Planned maintenance " + System.nanoTime();
        try (Browser comms = new Browser(base)) {
            comms.logInInEnglish(DemoUser.COMMUNICATIONS);
            TestEnvironment.mail().outage();
            try {
                HttpResponse<String> created = postJson(comms, "/api/staff/notices", """
                        {"kind":"OPERATIONAL","audience":"ALL","titleSv":"%s","titleEn":"%s",
                         "bodySv":"Portalen stängs i natt.","bodyEn":"The portal closes tonight."}""".formatted(title, title));
                assertEquals(201, created.statusCode(), created.body());
                String id = created.body().replaceAll("\\D", "");
                comms.open("/staff/communications/notice.xhtml?id=" + id);
                long queued = Awaitility.await("the fan-out queues the mails")
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> refreshed(comms, "figQueued"), n -> n > 0);
                db.await(
                        Duration.ofSeconds(30),
                        "SELECT count(*) > 0 FROM outbox_message WHERE notice_id = " + id
                                + " AND status = 'PENDING' AND attempts > 0 AND last_error IS NOT NULL",
                        "t");
                comms.driver().navigate().refresh();
                assertTrue(figure(comms, "figSent") < queued, "not everything went while the server was down");
            } finally {
                TestEnvironment.mail().recover();
            }
            long queued = figure(comms, "figQueued");
            Awaitility.await("everything goes once the server is back")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> refreshed(comms, "figSent"), sent -> sent == queued);
            assertEquals(queued, figure(comms, "figQueued"), "nothing more was queued");
            assertEquals(0, figure(comms, "figFailed"));

            Map<String, Integer> perRecipient = new HashMap<>();
            for (MimeMessage message : TestEnvironment.mail().received()) {
                if (title.equals(message.getSubject())) {
                    perRecipient.merge(message.getRecipients(Message.RecipientType.TO)[0].toString(), 1, Integer::sum);
                }
            }
            assertEquals(queued, perRecipient.size(), "every recipient got it");
            assertFalse(perRecipient.values().stream().anyMatch(count -> count > 1), "nobody twice: " + perRecipient);
        }
    }
}

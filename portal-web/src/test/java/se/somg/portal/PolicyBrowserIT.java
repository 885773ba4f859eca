package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
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

/** A COMMUNICATIONS staff member publishes a version that asks again; Anna meets the question at her next login. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PolicyBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses();
    }

    @ArquillianResource
    private URL base;

    @Test
    void aPublishedVersionAsksAnnaAgainAtHerNextLogin() {
        List<String> problems = new ArrayList<>();
        String changedLine = "Vi använder bilder i kampanjer även på nya plattformar (" + System.nanoTime() + ").";
        int published;
        try (Browser comms = new Browser(base)) {
            comms.logInInEnglish(DemoUser.COMMUNICATIONS);
            comms.follow("Publish a policy version");
            problems.addAll(comms.seriousAccessibilityViolations());
            comms.field("Text in Swedish").sendKeys("\n\n" + changedLine);
            comms.field("Text in English").sendKeys("\n\nWe use campaign images on new platforms too.");
            comms.type("What changed, in Swedish", "Bilder i kampanjer används på fler plattformar.");
            comms.type("What changed, in English", "Campaign images are used on more platforms.");
            comms.driver()
                    .findElement(By.xpath("//label[normalize-space()='Images in campaigns']"))
                    .click();
            comms.press("Preview");
            assertTrue(comms.text("previewText").contains("campaign images on new platforms"));
            comms.press("Publish");
            String message = comms.messages();
            assertTrue(message.matches("(?s).*Version \\d+ is published\\..*"), message);
            published = Integer.parseInt(message.replaceAll("(?s).*Version (\\d+) is published.*", "$1"));
        }
        try (Browser anna = new Browser(base)) {
            anna.logInInEnglish(DemoUser.ANNA);
            assertEquals("/customer/reconsent.xhtml", anna.path(), "the question comes before anything else");
            assertTrue(anna.mainText().contains("Campaign images are used on more platforms."), anna.mainText());
            problems.addAll(anna.seriousAccessibilityViolations());
            anna.open("/customer/profile.xhtml");
            assertEquals("/customer/reconsent.xhtml", anna.path(), "no other customer page until answered");

            anna.press("Save my answers");
            assertTrue(anna.messages().contains("Please answer for each consent."), anna.messages());
            anna.driver()
                    .findElement(By.xpath(
                            "//fieldset[legend='Images in campaigns']//label[normalize-space()='I agree again']"))
                    .click();
            anna.press("Save my answers");
            assertEquals("/customer/dashboard.xhtml", anna.path());
            assertTrue(anna.messages().contains("Your answers are saved."), anna.messages());

            anna.follow("Privacy policy");
            assertTrue(anna.mainText().contains("Version " + published + ", in force from"), anna.mainText());
            new Select(anna.driver().findElement(By.id("from"))).selectByValue("1");
            new Select(anna.driver().findElement(By.id("to"))).selectByValue(String.valueOf(published));
            anna.press("Show differences");
            assertTrue(
                    anna.text("differences").contains("campaign images on new platforms"),
                    "the difference between version 1 and the new one shows the new line");
            problems.addAll(anna.seriousAccessibilityViolations());
            problems.addAll(anna.foreignReferences());
        }
        assertEquals(List.of(), problems);
    }
}

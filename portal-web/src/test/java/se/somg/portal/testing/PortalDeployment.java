package se.somg.portal.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real portal WAR as the build made it, plus the test's own classes: tests run against exactly what
 * ships.
 */
public final class PortalDeployment {

    private PortalDeployment() {}

    public static WebArchive withTestClasses(Class<?>... classes) {
        File war = new File(System.getProperty("portal.war", "target/portal-web.war"));
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
        archive.addClasses(
                TestAccounts.class,
                PortalDeployment.class,
                RunAsCustomer.class,
                RunAsSupport.class,
                RunAsCommunications.class,
                RunAsPrivacyOfficer.class,
                RunAsAdministrator.class,
                // the portal's clock, moved by tests that let time pass (TestClock)
                MovableClock.class,
                ClockResource.class);
        archive.addClasses(classes);
        // tests that run inside the server wait with Awaitility too
        archive.addPackages(true, "org.awaitility", "org.hamcrest");
        return withRunAsPrincipals(archive);
    }

    /**
     * {@code @RunAs} test beans need a principal mapped to each role; production maps groups only, so the test
     * copy of the descriptor adds one principal per role.
     */
    private static WebArchive withRunAsPrincipals(WebArchive archive) {
        String path = "WEB-INF/glassfish-web.xml";
        try (InputStream in = archive.get(path).getAsset().openStream()) {
            String descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll(
                            "<group-name>(\\w+)</group-name>",
                            "<group-name>$1</group-name><principal-name>run-as-$1</principal-name>")
                    .replace("run-as-CUSTOMER", String.valueOf(TestAccounts.RUN_AS_CUSTOMER_ID));
            archive.delete(path);
            return archive.addAsWebInfResource(new StringAsset(descriptor), "glassfish-web.xml")
                    .addAsWebInfResource("run-as-glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

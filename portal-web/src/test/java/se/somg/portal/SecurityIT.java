package se.somg.portal;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.somg.portal.devdb.WebSession;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.TestDatabase;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal as an attacker meets it: each test performs one attack that once worked, through the portal's own
 * doors (HTTP, forms, the API), and fails if it works again. Each test makes the accounts it needs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    private static final String OFFICER = "privacy@somg.example";
    private static final String OFFICER_PASSWORD = "Privacy-Demo-2020";

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

    /**
     * Anyone could register the address an erasure was going to write into the account (it was derived from the
     * account id), and every later retention run failed on that account, and stopped there.
     */
    @Test
    void aRegisteredAddressCannotStopTheRetentionOfAnAccount() throws Exception {
        long due = db.dueFormerCustomer("Takeover");
        WebSession visitor = new WebSession();
        WebSession.Page form = visitor.page(base, "/register.xhtml?lang=en");
        HttpResponse<String> registered = visitor.submit(base, form, "register", Map.of(
                "register:givenName", "Mallory", "register:familyName", "Angripare",
                "register:email", "erased-" + db.credentialOfCustomer(due) + "@erased.invalid",
                "register:password", "Mallory-Attack-2026", "register:policy", "on"), "register:submit");
        assertEquals(200, registered.statusCode());

        startRetention();
        db.await(Duration.ofSeconds(60), "SELECT count(*) FROM customer WHERE id = " + due + " AND anonymised_at IS NOT NULL", "1");
        assertNull(db.query("SELECT email FROM credential WHERE id = " + db.credentialOfCustomer(due)),
                "an erased account keeps no address anyone could take");
    }

    /** One account that cannot be anonymised is skipped and reported; the others are anonymised; the next run retries. */
    @Test
    void oneAccountThatFailsDoesNotStopTheOthers() throws Exception {
        long first = db.dueFormerCustomer("Först");
        long failing = db.dueFormerCustomer("Felande");
        long last = db.dueFormerCustomer("Sist");
        // the database itself refuses to anonymise one account, as a broken row or a constraint would
        db.execute("""
                CREATE FUNCTION refuse_%1$d() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.id = %1$d AND NEW.anonymised_at IS NOT NULL THEN
                    RAISE EXCEPTION 'refused' USING ERRCODE = 'P0001'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER refuse_%1$d BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION refuse_%1$d();"""
                .formatted(failing));
        try {
            WebSession officer = startRetention();
            db.await(Duration.ofSeconds(60), "SELECT count(*) FROM customer WHERE id IN (" + first + ", " + last
                    + ") AND anonymised_at IS NOT NULL", "2");
            db.await(Duration.ofSeconds(30), "SELECT status FROM retention_run WHERE NOT dry_run ORDER BY id DESC LIMIT 1", "FINISHED");
            assertEquals("1", db.query("SELECT skipped FROM retention_run WHERE NOT dry_run ORDER BY id DESC LIMIT 1"));
            String page = officer.get(base, "/staff/privacy/retention.xhtml?lang=en").body();
            assertTrue(page.contains("Accounts that could not be anonymised") && page.contains("<td>" + failing + "</td>")
                    && page.contains("SQLSTATE P0001"), "the retention page names the skipped account by number");
            assertTrue(!page.contains("Felande"), "and nothing personal");
        } finally {
            db.execute("DROP TRIGGER refuse_%1$d ON customer; DROP FUNCTION refuse_%1$d();".formatted(failing));
        }
        startRetention();
        db.await(Duration.ofSeconds(60), "SELECT count(*) FROM customer WHERE id = " + failing + " AND anonymised_at IS NOT NULL", "1");
    }

    private WebSession startRetention() throws Exception {
        WebSession officer = new WebSession();
        officer.logIn(base, OFFICER, OFFICER_PASSWORD);
        db.await(Duration.ofSeconds(60), "SELECT count(*) FROM retention_run WHERE status = 'RUNNING'", "0");
        WebSession.Page page = officer.page(base, "/staff/privacy/retention.xhtml?lang=en");
        HttpResponse<String> started = officer.submit(base, page, "retention", Map.of(), page.button("retention", "Run now"));
        assertTrue(started.body().contains("The retention run has started"), started.body());
        return officer;
    }
}

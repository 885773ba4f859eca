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
import se.somg.portal.testing.Mailbox;
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
    private static final String LINK_REFUSED = "This link does not work";
    private static final String PASSWORD_CHANGED = "Your password has been changed.";

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

    /** A session someone stole outlived the owner's new password; now every other session ends, on any node. */
    @Test
    void aPasswordChangeEndsEveryOtherSessionOfTheAccount() throws Exception {
        String email = db.customer("Stulen");
        WebSession thief = signedIn(email, TestDatabase.PASSWORD);
        WebSession owner = signedIn(email, TestDatabase.PASSWORD);
        WebSession.Page form = owner.page(base, "/customer/password.xhtml?lang=en");
        HttpResponse<String> changed = owner.submit(base, form, "change", Map.of("change:current", TestDatabase.PASSWORD,
                "change:password", "Owners-New-2026", "change:repeat", "Owners-New-2026"), "change:submit");
        assertTrue(changed.body().contains(PASSWORD_CHANGED), changed.body());

        assertSignedOut(thief);
        assertEquals(200, owner.get(base, "/customer/profile.xhtml").statusCode(), "the owner's own session goes on");
        assertEquals(401, thief.get(base, "/api/me/notices").statusCode(), "the API answers 401 to an ended session");
    }

    @Test
    void logOutEverywhereEndsEverySessionOfTheAccount() throws Exception {
        String email = db.customer("Överallt");
        WebSession phone = signedIn(email, TestDatabase.PASSWORD);
        WebSession laptop = signedIn(email, TestDatabase.PASSWORD);
        WebSession.Page dashboard = laptop.page(base, "/customer/dashboard.xhtml?lang=en");
        HttpResponse<String> out = laptop.submit(base, dashboard, "logoutForm", Map.of(), dashboard.button("logoutForm", "Log out everywhere"));
        assertTrue(out.body().contains("signed out everywhere"), out.body());
        assertSignedOut(phone);
        assertSignedOut(laptop);
    }

    /** Changing the address takes the current password, a pending change can be cancelled, and the link ends other sessions. */
    @Test
    void anEmailChangeNeedsThePasswordCanBeCancelledAndEndsOtherSessions() throws Exception {
        String email = db.customer("Flyttar");
        WebSession other = signedIn(email, TestDatabase.PASSWORD);
        WebSession owner = signedIn(email, TestDatabase.PASSWORD);
        String first = "moved." + System.nanoTime() + "@example.com";

        WebSession.Page profile = owner.page(base, "/customer/profile.xhtml?lang=en");
        HttpResponse<String> refused = owner.submit(base, profile, "emailChange",
                Map.of("emailChange:email", first, "emailChange:password", "not-my-password"), "emailChange:changeEmail");
        assertTrue(refused.body().contains("current password is not right"), "a session alone cannot move the account");
        assertEquals("0", db.query("SELECT count(*) FROM account_token t JOIN credential c ON c.id = t.credential_id"
                + " WHERE c.email = '" + email + "' AND t.purpose = 'CONFIRM_EMAIL_CHANGE'"));

        profile = owner.page(base, "/customer/profile.xhtml?lang=en");
        HttpResponse<String> asked = owner.submit(base, profile, "emailChange",
                Map.of("emailChange:email", first, "emailChange:password", TestDatabase.PASSWORD), "emailChange:changeEmail");
        assertTrue(asked.body().contains("We have sent a message to " + first), asked.body());
        WebSession.Page pending = owner.page(base, "/customer/profile.xhtml?lang=en");
        HttpResponse<String> cancelled = owner.submit(base, pending, "emailCancel", Map.of(), "emailCancel:cancelEmail");
        assertTrue(cancelled.body().contains("change of e-mail address is cancelled"), cancelled.body());
        String link = Mailbox.linkPath(Mailbox.awaitText(first, "Confirm your new e-mail address"));
        assertTrue(owner.open(base, link).body().contains(LINK_REFUSED), "a cancelled change's link does nothing");
        assertEquals(email, db.query("SELECT c.email FROM credential c WHERE c.email = '" + email + "'"));

        String second = "moved2." + System.nanoTime() + "@example.com";
        profile = owner.page(base, "/customer/profile.xhtml?lang=en");
        owner.submit(base, profile, "emailChange",
                Map.of("emailChange:email", second, "emailChange:password", TestDatabase.PASSWORD), "emailChange:changeEmail");
        String confirm = Mailbox.linkPath(Mailbox.awaitText(second, "Confirm your new e-mail address"));
        assertEquals(200, owner.open(base, confirm).statusCode());
        assertEquals(second, db.query("SELECT email FROM credential WHERE email = '" + second + "'"));
        assertSignedOut(other);
        assertEquals(200, owner.get(base, "/customer/profile.xhtml").statusCode(), "the session that opened the link goes on");
    }

    /** Asking to move to an address that has an account answers as for any other: the page tells no one who has one. */
    @Test
    void anEmailChangeToATakenAddressLooksLikeAnyOther() throws Exception {
        String email = db.customer("Nyfiken");
        String taken = db.customer("Upptagen");
        WebSession curious = signedIn(email, TestDatabase.PASSWORD);
        WebSession.Page profile = curious.page(base, "/customer/profile.xhtml?lang=en");
        HttpResponse<String> answer = curious.submit(base, profile, "emailChange",
                Map.of("emailChange:email", taken, "emailChange:password", TestDatabase.PASSWORD), "emailChange:changeEmail");
        assertTrue(answer.body().contains("We have sent a message to " + taken), answer.body());
        assertTrue(!answer.body().contains("already"), "nothing says the address is taken");
        Mailbox.awaitText(taken, "Someone tried to use your e-mail address");
    }

    private WebSession signedIn(String email, String password) throws Exception {
        WebSession session = new WebSession();
        HttpResponse<String> landed = session.logIn(base, email, password);
        assertEquals("/customer/dashboard.xhtml", landed.uri().getPath(), email + " signs in");
        return session;
    }

    private void assertSignedOut(WebSession session) throws Exception {
        HttpResponse<String> page = session.open(base, "/customer/profile.xhtml?lang=en");
        assertEquals("/login.xhtml", page.uri().getPath(), "the session has ended");
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

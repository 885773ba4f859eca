package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.somg.portal.demo.DemoUser;
import se.somg.portal.devdb.WebSession;
import se.somg.portal.testing.Mailbox;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.StaffCodes;
import se.somg.portal.testing.TestClock;
import se.somg.portal.testing.TestDatabase;
import se.somg.portal.testing.TestEnvironment;

/**
 * The portal as an attacker meets it: each test performs one attack that once worked, through the portal's own
 * doors (HTTP, forms, the API), and fails if it works again. Each test makes the accounts it needs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    private static final String OFFICER = DemoUser.PRIVACY_OFFICER.email();
    private static final String OFFICER_PASSWORD = DemoUser.PRIVACY_OFFICER.password();
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
        HttpResponse<String> registered = visitor.submit(
                base,
                form,
                "register",
                Map.of(
                        "register:givenName",
                        "Mallory",
                        "register:familyName",
                        "Angripare",
                        "register:email",
                        "erased-" + db.credentialOfCustomer(due) + "@erased.invalid",
                        "register:password",
                        "Mallory-Attack-2026",
                        "register:policy",
                        "on"),
                "register:submit");
        assertEquals(200, registered.statusCode());

        startRetention();
        db.await(
                Duration.ofSeconds(60),
                "SELECT count(*) FROM customer WHERE id = " + due + " AND anonymised_at IS NOT NULL",
                "1");
        assertNull(
                db.query("SELECT email FROM credential WHERE id = " + db.credentialOfCustomer(due)),
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
                CREATE TRIGGER refuse_%1$d BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION refuse_%1$d();""".formatted(failing));
        try {
            WebSession officer = startRetention();
            db.await(
                    Duration.ofSeconds(60),
                    "SELECT count(*) FROM customer WHERE id IN (" + first + ", " + last
                            + ") AND anonymised_at IS NOT NULL",
                    "2");
            db.await(
                    Duration.ofSeconds(30),
                    "SELECT status FROM retention_run WHERE NOT dry_run ORDER BY id DESC LIMIT 1",
                    "FINISHED");
            assertEquals("1", db.query("SELECT skipped FROM retention_run WHERE NOT dry_run ORDER BY id DESC LIMIT 1"));
            String page =
                    officer.get(base, "/staff/privacy/retention.xhtml?lang=en").body();
            assertTrue(
                    page.contains("Accounts that could not be anonymised")
                            && page.contains("<td>" + failing + "</td>")
                            && page.contains("SQLSTATE P0001"),
                    "the retention page names the skipped account by number");
            assertTrue(!page.contains("Felande"), "and nothing personal");
        } finally {
            db.execute("DROP TRIGGER refuse_%1$d ON customer; DROP FUNCTION refuse_%1$d();".formatted(failing));
        }
        startRetention();
        db.await(
                Duration.ofSeconds(60),
                "SELECT count(*) FROM customer WHERE id = " + failing + " AND anonymised_at IS NOT NULL",
                "1");
    }

    /** A session someone stole outlived the owner's new password; now every other session ends, on any node. */
    @Test
    void aPasswordChangeEndsEveryOtherSessionOfTheAccount() throws Exception {
        String email = db.customer("Stulen");
        WebSession thief = signedIn(email, TestDatabase.PASSWORD);
        WebSession owner = signedIn(email, TestDatabase.PASSWORD);
        WebSession.Page form = owner.page(base, "/customer/password.xhtml?lang=en");
        HttpResponse<String> changed = owner.submit(
                base,
                form,
                "change",
                Map.of(
                        "change:current",
                        TestDatabase.PASSWORD,
                        "change:password",
                        "Owners-New-2026",
                        "change:repeat",
                        "Owners-New-2026"),
                "change:submit");
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
        HttpResponse<String> out = laptop.submit(
                base, dashboard, "logoutForm", Map.of(), dashboard.button("logoutForm", "Log out everywhere"));
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
        HttpResponse<String> refused = owner.submit(
                base,
                profile,
                "emailChange",
                Map.of("emailChange:email", first, "emailChange:password", "not-my-password"),
                "emailChange:changeEmail");
        assertTrue(refused.body().contains("current password is not right"), "a session alone cannot move the account");
        assertEquals(
                "0",
                db.query("SELECT count(*) FROM account_token t JOIN credential c ON c.id = t.credential_id"
                        + " WHERE c.email = '" + email + "' AND t.purpose = 'CONFIRM_EMAIL_CHANGE'"));

        profile = owner.page(base, "/customer/profile.xhtml?lang=en");
        HttpResponse<String> asked = owner.submit(
                base,
                profile,
                "emailChange",
                Map.of("emailChange:email", first, "emailChange:password", TestDatabase.PASSWORD),
                "emailChange:changeEmail");
        assertTrue(asked.body().contains("We have sent a message to " + first), asked.body());
        WebSession.Page pending = owner.page(base, "/customer/profile.xhtml?lang=en");
        HttpResponse<String> cancelled =
                owner.submit(base, pending, "emailCancel", Map.of(), "emailCancel:cancelEmail");
        assertTrue(cancelled.body().contains("change of e-mail address is cancelled"), cancelled.body());
        String link = Mailbox.linkPath(Mailbox.awaitText(first, "Confirm your new e-mail address"));
        assertTrue(owner.open(base, link).body().contains(LINK_REFUSED), "a cancelled change's link does nothing");
        assertEquals(email, db.query("SELECT c.email FROM credential c WHERE c.email = '" + email + "'"));

        String second = "moved2." + System.nanoTime() + "@example.com";
        profile = owner.page(base, "/customer/profile.xhtml?lang=en");
        owner.submit(
                base,
                profile,
                "emailChange",
                Map.of("emailChange:email", second, "emailChange:password", TestDatabase.PASSWORD),
                "emailChange:changeEmail");
        String confirm = Mailbox.linkPath(Mailbox.awaitText(second, "Confirm your new e-mail address"));
        assertEquals(200, owner.open(base, confirm).statusCode());
        assertEquals(second, db.query("SELECT email FROM credential WHERE email = '" + second + "'"));
        assertSignedOut(other);
        assertEquals(
                200,
                owner.get(base, "/customer/profile.xhtml").statusCode(),
                "the session that opened the link goes on");
    }

    /** Asking to move to an address that has an account answers as for any other: the page tells no one who has one. */
    @Test
    void anEmailChangeToATakenAddressLooksLikeAnyOther() throws Exception {
        String email = db.customer("Nyfiken");
        String taken = db.customer("Upptagen");
        WebSession curious = signedIn(email, TestDatabase.PASSWORD);
        WebSession.Page profile = curious.page(base, "/customer/profile.xhtml?lang=en");
        HttpResponse<String> answer = curious.submit(
                base,
                profile,
                "emailChange",
                Map.of("emailChange:email", taken, "emailChange:password", TestDatabase.PASSWORD),
                "emailChange:changeEmail");
        assertTrue(answer.body().contains("We have sent a message to " + taken), answer.body());
        assertTrue(!answer.body().contains("already"), "nothing says the address is taken");
        assertTrue(
                curious.get(base, "/customer/profile.xhtml?lang=en").body().contains(taken),
                "the change waits for confirmation, as it would for a free address");
        Mailbox.awaitText(taken, "Someone tried to use your e-mail address");
    }

    /** Bad bodies for the notice API were answered 500 with the HTML error page; now each is a 400 problem. */
    @Test
    void theApiAnswersEveryErrorAsProblemJsonWithItsStatus() throws Exception {
        WebSession comms = new WebSession();
        comms.logIn(base, DemoUser.COMMUNICATIONS.email(), DemoUser.COMMUNICATIONS.password(), StaffCodes.demo());
        String good =
                "{\"kind\":\"OPERATIONAL\",\"titleSv\":\"T\",\"titleEn\":\"T\",\"bodySv\":\"B\",\"bodyEn\":\"B\",\"audience\":\"ALL\"";
        for (String body : List.of(
                "{",
                "[]",
                "null",
                "{\"kind\":\"NOPE\"}",
                good + ",\"publishAt\":\"next tuesday\"}",
                "{\"kind\":\"OPERATIONAL\"}")) {
            assertProblem(comms.send(json("/api/staff/notices", body, base)), 400, body);
        }
        assertProblem(
                comms.send(HttpRequest.newBuilder(URI.create(base + "/api/staff/notices"))
                        .header("Origin", base)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("hello"))),
                415,
                "text/plain");
        assertProblem(
                comms.send(HttpRequest.newBuilder(URI.create(base + "/api/staff/notices"))
                        .header("Origin", base)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(good + "}"))),
                405,
                "PUT");
        assertProblem(comms.send(HttpRequest.newBuilder(URI.create(base + "/api/no-such-thing"))), 404, "unknown path");
        assertProblem(
                comms.send(HttpRequest.newBuilder(URI.create(base + "/api/staff/notices/999999999/letters.csv"))),
                404,
                "unknown notice");

        WebSession customer = signedIn(db.customer("Apikund"), TestDatabase.PASSWORD);
        assertProblem(
                customer.send(HttpRequest.newBuilder(URI.create(base + "/api/me/notices"))
                        .header("Accept", "application/xml")),
                406,
                "xml");
        assertProblem(customer.send(json("/api/staff/notices", good + "}", base)), 403, "a customer publishing");
        assertProblem(
                new WebSession().send(HttpRequest.newBuilder(URI.create(base + "/api/me/notices"))), 401, "a visitor");
        assertEquals("0", db.query("SELECT count(*) FROM notice WHERE title_sv = 'T'"), "nothing was published");
    }

    /** A form posted without the page's script nonce got the container's own page naming the server and the exception. */
    @Test
    void aForgedOrTamperedFormIsABadRequestAnsweredByThePortalsOwnPage() throws Exception {
        WebSession visitor = new WebSession();
        WebSession.Page login = visitor.page(base, "/login.xhtml?lang=en");
        Map<String, String> withoutNonce =
                new java.util.HashMap<>(Map.of("login:email", "x@example.com", "login:password", "x"));
        withoutNonce.put("primefaces.nonce", null);
        HttpResponse<String> forged = visitor.post(base, login, "login", withoutNonce, "login:submit");
        assertEquals(400, forged.statusCode());
        assertOwnPage(forged);

        // every form of these pages, as visitor, customer and staff, with the form's own name changed
        Map<WebSession, List<String>> pages = new java.util.LinkedHashMap<>();
        pages.put(
                new WebSession(),
                List.of("/login.xhtml", "/register.xhtml", "/forgot-password.xhtml", "/policy.xhtml"));
        pages.put(
                signedIn(db.customer("Formkund"), TestDatabase.PASSWORD),
                List.of(
                        "/customer/dashboard.xhtml",
                        "/customer/profile.xhtml",
                        "/customer/preferences.xhtml",
                        "/customer/consents.xhtml",
                        "/customer/requests.xhtml",
                        "/customer/extract.xhtml",
                        "/customer/notifications.xhtml",
                        "/customer/password.xhtml"));
        WebSession officer = new WebSession();
        officer.logIn(base, OFFICER, OFFICER_PASSWORD, StaffCodes.demo());
        pages.put(
                officer,
                List.of(
                        "/staff/privacy/requests.xhtml",
                        "/staff/privacy/complaints.xhtml",
                        "/staff/privacy/disclosures.xhtml",
                        "/staff/privacy/retention.xhtml"));
        int forms = 0;
        for (Map.Entry<WebSession, List<String>> entry : pages.entrySet()) {
            for (String path : entry.getValue()) {
                WebSession.Page page = entry.getKey().page(base, path + "?lang=en");
                java.util.regex.Matcher form =
                        java.util.regex.Pattern.compile("<form id=\"([^\"]+)\"").matcher(page.html());
                while (form.find()) {
                    String id = form.group(1);
                    for (String tampered : List.of("x", id + "x", "")) {
                        HttpResponse<String> answer = entry.getKey()
                                .post(
                                        base,
                                        entry.getKey().page(base, path + "?lang=en"),
                                        id,
                                        Map.of(id, tampered),
                                        null);
                        assertTrue(
                                answer.statusCode() < 500,
                                path + " form " + id + " named '" + tampered + "': " + answer.statusCode());
                        assertOwnPage(answer);
                    }
                    forms++;
                }
            }
        }
        assertTrue(forms >= 15, "forms tried: " + forms);
    }

    /**
     * A session id this node does not know, sent with the signed-in marker, made the node wait for replication at
     * every request: a browser whose session ended (or a client that forged one) now waits once, and is told why.
     */
    @Test
    void anEndedSessionWithTheSignedInMarkerWaitsOnceAndIsToldWhy() throws Exception {
        HttpResponse<String> ended = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/customer/dashboard.xhtml"))
                                .header("Cookie", "JSESSIONID=0123456789abcdef0123456789ab; portal_signed_in=1")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(302, ended.statusCode());
        String location = ended.headers().firstValue("Location").orElse("");
        assertTrue(location.endsWith("/login.xhtml?expired"), location);
        assertTrue(
                ended.headers().allValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("portal_signed_in=") && c.contains("Max-Age=0")),
                "the marker is cleared: " + ended.headers().allValues("Set-Cookie"));
        String login =
                new WebSession().open(base, "/login.xhtml?expired&lang=en").body();
        assertTrue(login.contains("You were logged out after 15 minutes without activity"), login);
    }

    /**
     * Policy §6 and §5.6: every kind of answer carries the security headers (nothing from another host, no framing,
     * no type sniffing, no referrer to other sites, the server unnamed): public and personal pages, the API's answers
     * and its errors, error pages, refusals, and the redirect to the login page, which the authentication mechanism
     * answers before any filter runs (it came with the container's own "Document moved" page and its name).
     */
    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
        WebSession visitor = new WebSession();
        WebSession customer = signedIn(db.customer("Rubrik"), TestDatabase.PASSWORD);
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("public page", visitor.get(base, "/login.xhtml?lang=en"));
        answers.put("personal page", customer.get(base, "/customer/dashboard.xhtml?lang=en"));
        answers.put("API", customer.get(base, "/api/me/notices"));
        answers.put("API error", visitor.get(base, "/api/me/notices"));
        answers.put("API not found", customer.get(base, "/api/me/nothing-here"));
        answers.put("error page", visitor.get(base, "/no-such-page.xhtml"));
        answers.put("refusal", customer.get(base, "/staff/index.xhtml?lang=en"));
        answers.put("redirect to log in", visitor.get(base, "/customer/profile.xhtml"));
        answers.put("container's protected address", visitor.get(base, "/openapi"));
        answers.put("style sheet", visitor.get(base, "/jakarta.faces.resource/portal.css.xhtml?ln=css"));
        List<String> missing = new ArrayList<>();
        answers.forEach((what, answer) -> {
            Map<String, String> expected = Map.of(
                    "X-Frame-Options", "DENY",
                    "X-Content-Type-Options", "nosniff",
                    "Referrer-Policy", "same-origin",
                    "Server", "SOMG");
            expected.forEach((header, value) -> {
                if (!value.equals(answer.headers().firstValue(header).orElse(null))) {
                    missing.add(what + " (" + answer.statusCode() + "): " + header + " "
                            + answer.headers().allValues(header));
                }
            });
            List<String> policies = answer.headers().allValues("Content-Security-Policy");
            if (policies.size() != 1
                    || !policies.get(0).contains("default-src 'self'")
                    || !policies.get(0).contains("frame-ancestors 'none'")) {
                missing.add(what + " (" + answer.statusCode() + "): Content-Security-Policy " + policies);
            }
            if (answer.body().contains("Document moved") || answer.body().contains("Payara")) {
                missing.add(what + ": the container's own page");
            }
        });
        assertEquals(List.of(), missing);
        assertEquals(302, answers.get("container's protected address").statusCode());
        assertEquals(200, answers.get("style sheet").statusCode(), "the style sheet's address is right");
    }

    /** The API's description, its WADL and the metrics were open to anyone. */
    @Test
    void descriptionsOfTheInsideAreNotPublic() throws Exception {
        WebSession visitor = new WebSession();
        HttpResponse<String> openapi = visitor.get(base, "/openapi");
        assertTrue(
                openapi.statusCode() == 302
                        && openapi.headers().firstValue("Location").orElse("").contains("/login.xhtml"),
                "a visitor is sent to log in: " + openapi.statusCode());
        assertEquals(404, visitor.get(base, "/api/application.wadl").statusCode());
        HttpResponse<String> customerOpenapi =
                signedIn(db.customer("Nyfiken"), TestDatabase.PASSWORD).get(base, "/openapi");
        assertEquals(403, customerOpenapi.statusCode(), "customers do not get it either");
        WebSession support = new WebSession();
        support.logIn(base, DemoUser.SUPPORT.email(), DemoUser.SUPPORT.password(), StaffCodes.demo());
        assertEquals(200, support.get(base, "/openapi").statusCode(), "staff do");

        assertEquals(401, visitor.get(base, "/metrics").statusCode());
        assertEquals(
                401,
                visitor.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                .header("Authorization", "Bearer not-the-token"))
                        .statusCode());
        assertEquals(
                200,
                visitor.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                .header("Authorization", "Bearer " + TestEnvironment.METRICS_TOKEN))
                        .statusCode());
    }

    /** Another site could burn the hourly extract allowance with navigations, or post the password check. */
    @Test
    void anotherSiteCannotMakeTheApiActWithTheSession() throws Exception {
        String email = db.customer("Extrakt");
        WebSession customer = signedIn(email, TestDatabase.PASSWORD);
        HttpResponse<String> noOrigin =
                customer.send(HttpRequest.newBuilder(URI.create(base + "/api/me/password-check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("password=" + TestDatabase.PASSWORD)));
        assertProblem(noOrigin, 403, "a form post that names no origin");
        HttpResponse<String> foreign = customer.send(HttpRequest.newBuilder(URI.create(base + "/api/me/password-check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + TestDatabase.PASSWORD)));
        assertProblem(foreign, 403, "a post from another site");
        HttpResponse<String> own = customer.send(HttpRequest.newBuilder(URI.create(base + "/api/me/password-check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("password=" + TestDatabase.PASSWORD)));
        assertEquals(204, own.statusCode(), "the portal's own page may");

        String records =
                "SELECT count(*) FROM extract_record r JOIN customer c ON c.id = r.customer_id JOIN credential cr"
                        + " ON cr.id = c.credential_id WHERE cr.email = '" + email + "'";
        HttpResponse<String> navigated = customer.send(HttpRequest.newBuilder(URI.create(base + "/api/me/extract"))
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "navigate"));
        assertProblem(navigated, 403, "a navigation from another site");
        assertEquals("0", db.query(records), "and nothing was recorded or counted");
        assertEquals(
                200,
                customer.send(HttpRequest.newBuilder(URI.create(base + "/api/me/extract")))
                        .statusCode());
        assertEquals("1", db.query(records));
    }

    /** Reloading the page after "Run now" started a second run; a complaint sent twice was filed twice. */
    @Test
    void everyActionAnswersWithARedirectAndASecondSendChangesNothing() throws Exception {
        WebSession officer = new WebSession();
        officer.logIn(base, OFFICER, OFFICER_PASSWORD, StaffCodes.demo());
        db.await(Duration.ofSeconds(60), "SELECT count(*) FROM retention_run WHERE status = 'RUNNING'", "0");
        WebSession.Page page = officer.page(base, "/staff/privacy/retention.xhtml?lang=en");
        HttpResponse<String> run = officer.post(base, page, "retention", Map.of(), page.button("retention", "Run now"));
        assertEquals(302, run.statusCode(), "Post/Redirect/Get");
        HttpResponse<String> dry = officer.post(
                base,
                officer.page(base, "/staff/privacy/retention.xhtml?lang=en"),
                "retention",
                Map.of(),
                page.button("retention", "Dry run"));
        assertEquals(302, dry.statusCode());

        String email = db.customer("Klagar");
        WebSession customer = signedIn(email, TestDatabase.PASSWORD);
        WebSession.Page requests = customer.page(base, "/customer/requests.xhtml?lang=en");
        Map<String, String> complaint =
                Map.of("complaint:category", "MARKETING", "complaint:text", "Sluta skicka brev.");
        HttpResponse<String> first = customer.post(base, requests, "complaint", complaint, "complaint:sendComplaint");
        HttpResponse<String> second = customer.post(base, requests, "complaint", complaint, "complaint:sendComplaint");
        assertEquals(302, first.statusCode());
        assertEquals(302, second.statusCode());
        assertEquals(
                "1",
                db.query("SELECT count(*) FROM complaint k JOIN customer c ON c.id = k.customer_id JOIN credential cr"
                        + " ON cr.id = c.credential_id WHERE cr.email = '" + email + "'"),
                "sent twice, filed once");
        HttpResponse<String> answer = null;
        for (int i = 2; i <= 6; i++) {
            answer = customer.post(
                    base,
                    customer.page(base, "/customer/requests.xhtml?lang=en"),
                    "complaint",
                    Map.of("complaint:category", "MARKETING", "complaint:text", "Klagomål nummer " + i),
                    "complaint:sendComplaint");
        }
        assertTrue(
                answer.body()
                        .contains(
                                "You have sent five complaints in the last day. Please wait a day, or write to us at kundtjanst@oncentrum.com."),
                "the sixth is refused and the controller's address (configuration) named: " + answer.body());
        assertEquals(
                "5",
                db.query("SELECT count(*) FROM complaint k JOIN customer c ON c.id = k.customer_id JOIN credential cr"
                        + " ON cr.id = c.credential_id WHERE cr.email = '" + email + "'"),
                "at most five a day");
    }

    /**
     * A node restores a sign-in Payara lost in replicating a session from the database, keyed by the session id it
     * was made in: a browser's "signed in" cookie, or anything else it sends, signs no other session in.
     */
    @Test
    void aSignedInCookieCarriedIntoAnotherSessionSignsNoOneIn() throws Exception {
        String email = db.customer("Seal");
        WebSession customer = signedIn(email, TestDatabase.PASSWORD);
        String marker = cookie(customer.cookieHeader(base), "portal_signed_in");
        WebSession stranger = new WebSession();
        stranger.get(base, "/login.xhtml");
        String strangerSession = cookie(stranger.cookieHeader(base), "JSESSIONID");
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> answer = plain.send(
                HttpRequest.newBuilder(URI.create(base + "/api/me/notices"))
                        .header("Cookie", "JSESSIONID=" + strangerSession + "; portal_signed_in=" + marker)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, answer.statusCode());
        assertEquals(
                "0",
                db.query("SELECT count(*) FROM signed_in_session WHERE session_hash = encode(sha256(convert_to('"
                        + strangerSession.replace("'", "") + "', 'UTF8')), 'hex')"),
                "only a session that signed in is recorded");
        assertEquals(200, customer.get(base, "/api/me/notices").statusCode(), "the owner's own session goes on");
        assertEquals(
                "1",
                db.query("SELECT count(*) FROM signed_in_session s JOIN credential c ON c.id = s.credential_id"
                        + " WHERE c.email = '" + email + "'"),
                "the owner's sign-in is recorded");
    }

    private static String cookie(String header, String name) {
        return Arrays.stream(header.split(";\\s*"))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> pair.substring(name.length() + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + header));
    }

    /** Pages about a person were kept in caches; a spoofed X-Forwarded-Proto from anyone is ignored. */
    @Test
    void personalPagesAreNeverCachedAndOnlyATrustedProxySaysHttps() throws Exception {
        WebSession customer = signedIn(db.customer("Cache"), TestDatabase.PASSWORD);
        for (String path : List.of("/customer/profile.xhtml", "/customer/dashboard.xhtml", "/api/me/notices")) {
            assertEquals(
                    "no-store",
                    customer.get(base, path)
                            .headers()
                            .firstValue("Cache-Control")
                            .orElse(""),
                    path);
        }
        HttpResponse<String> spoofed = new WebSession()
                .send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml?lang=en"))
                        .header("X-Forwarded-Proto", "https"));
        assertTrue(spoofed.headers().firstValue("Strict-Transport-Security").isEmpty(), "not from a trusted proxy");
        assertTrue(spoofed.headers().allValues("Set-Cookie").stream()
                .noneMatch(c -> c.toLowerCase().contains("secure")));
        assertEquals("SOMG", spoofed.headers().firstValue("Server").orElse("SOMG"), "the server does not name itself");
        assertTrue(spoofed.headers().firstValue("X-Powered-By").isEmpty());
    }

    /**
     * Policy §6, need to know: every page under {@code /staff}, read from the web application's own folder so a new
     * page is checked too, opens for the roles whose area it is and answers 403 with the portal's page to everyone
     * else, a customer first of all.
     */
    @Test
    void everyStaffPageOpensForItsOwnRolesOnly() throws Exception {
        Map<DemoUser, WebSession> people = new LinkedHashMap<>();
        for (DemoUser user : List.of(
                DemoUser.ANNA,
                DemoUser.SUPPORT,
                DemoUser.PRIVACY_OFFICER,
                DemoUser.COMMUNICATIONS,
                DemoUser.ADMINISTRATOR)) {
            WebSession session = new WebSession();
            session.logIn(base, user.email(), user.password(), StaffCodes.demo());
            people.put(user, session);
        }
        Map<String, Set<DemoUser>> areas = Map.of(
                "/staff/admin/", Set.of(DemoUser.ADMINISTRATOR),
                "/staff/support/", Set.of(DemoUser.SUPPORT),
                "/staff/privacy/", Set.of(DemoUser.PRIVACY_OFFICER),
                "/staff/communications/", Set.of(DemoUser.COMMUNICATIONS),
                "/staff/index.xhtml", Set.of(DemoUser.SUPPORT, DemoUser.PRIVACY_OFFICER, DemoUser.COMMUNICATIONS),
                "/staff/api.xhtml",
                        Set.of(
                                DemoUser.SUPPORT,
                                DemoUser.PRIVACY_OFFICER,
                                DemoUser.COMMUNICATIONS,
                                DemoUser.ADMINISTRATOR));
        Path webapp = Path.of("src/main/webapp");
        List<String> pages;
        try (Stream<Path> files = Files.walk(webapp.resolve("staff"))) {
            pages = files.filter(file -> file.toString().endsWith(".xhtml"))
                    .map(file -> "/" + webapp.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        assertTrue(pages.size() >= 13, pages.toString());
        List<String> wrong = new ArrayList<>();
        for (String page : pages) {
            Set<DemoUser> allowed = areas.entrySet().stream()
                    .filter(area -> page.startsWith(area.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(page + " lies in no area this test knows: add it"));
            for (Map.Entry<DemoUser, WebSession> person : people.entrySet()) {
                HttpResponse<String> answer = person.getValue().get(base, page + "?lang=en");
                boolean refused = answer.statusCode() == 403 && answer.body().contains("Not allowed");
                if (allowed.contains(person.getKey()) == refused
                        || (!refused && answer.statusCode() != 200 && answer.statusCode() / 100 != 3)) {
                    wrong.add(person.getKey() + " " + page + ": " + answer.statusCode());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** A client that reads its extract slowly held the customer's row lock and a database connection meanwhile. */
    @Test
    void aSlowExtractDownloadHoldsNoLockAndNoConnection() throws Exception {
        String email = db.customer("Långsam");
        String customerId =
                db.query("SELECT c.id FROM customer c JOIN credential cr ON cr.id = c.credential_id WHERE cr.email = '"
                        + email + "'");
        // a long history: an extract of several megabytes, more than the network buffers hold for a client that reads
        // nothing
        db.execute(
                "INSERT INTO rectification (id, customer_id, field, changed_at, changed_by) SELECT nextval('rectification_seq'), "
                        + customerId
                        + ", 'OCCUPATION', now() - n * interval '1 minute', 'CUSTOMER' FROM generate_series(1, 120000) n");
        WebSession customer = signedIn(email, TestDatabase.PASSWORD);
        assertEquals(
                204,
                customer.send(HttpRequest.newBuilder(URI.create(base + "/api/me/password-check"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Origin", base)
                                .POST(HttpRequest.BodyPublishers.ofString("password=" + TestDatabase.PASSWORD)))
                        .statusCode());
        URI uri = URI.create(base);
        try (java.net.Socket slow = new java.net.Socket(uri.getHost(), uri.getPort())) {
            slow.setReceiveBufferSize(4096);
            slow.getOutputStream()
                    .write(("GET /api/me/extract HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nCookie: "
                                    + customer.cookieHeader(base) + "\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            // the client reads nothing: the extract is recorded, committed and its row free all the same
            db.await(
                    Duration.ofSeconds(60),
                    "SELECT count(*) FROM extract_record WHERE customer_id = " + customerId,
                    "1");
            assertEquals(
                    customerId,
                    db.query("SELECT id FROM customer WHERE id = " + customerId + " FOR UPDATE NOWAIT"),
                    "the customer row is not locked while the client reads");
        }
    }

    /** Registrations never confirmed stayed for ever, with their "newsletter consent given at registration". */
    @Test
    void anUnconfirmedRegistrationIsRemovedAfterAWeek() throws Exception {
        String email = "unconfirmed." + System.nanoTime() + "@example.com";
        WebSession visitor = new WebSession();
        WebSession.Page form = visitor.page(base, "/register.xhtml?lang=en");
        visitor.submit(
                base,
                form,
                "register",
                Map.of(
                        "register:givenName",
                        "Ingen",
                        "register:familyName",
                        "Bekräftelse",
                        "register:email",
                        email,
                        "register:password",
                        "Never-Confirmed-2026",
                        "register:policy",
                        "on",
                        "register:newsletter",
                        "on"),
                "register:submit");
        String credential = db.query("SELECT id FROM credential WHERE email = '" + email + "'");
        assertTrue(
                credential != null
                        && db.query("SELECT count(*) FROM consent_event e JOIN customer c ON c.id = e.customer_id"
                                        + " WHERE c.credential_id = " + credential)
                                .equals("1"),
                "registered, with the newsletter consent");
        String lastRun = "SELECT status FROM retention_run WHERE NOT dry_run ORDER BY id DESC LIMIT 1";
        try {
            try (TestClock almostAWeek =
                    TestClock.passes(base, Duration.ofDays(7).minusMinutes(10))) {
                startRetention();
                db.await(Duration.ofSeconds(60), lastRun, "FINISHED");
                assertEquals(
                        "1",
                        db.query("SELECT count(*) FROM credential WHERE id = " + credential),
                        "kept for a week: the confirmation link lasts a day, the registration a week");
            }
            try (TestClock aWeek = TestClock.passes(base, Duration.ofDays(7).plusMinutes(10))) {
                startRetention();
                db.await(Duration.ofSeconds(60), "SELECT count(*) FROM credential WHERE id = " + credential, "0");
                db.await(Duration.ofSeconds(60), lastRun, "FINISHED");
            }
            assertEquals("0", db.query("SELECT count(*) FROM customer WHERE credential_id = " + credential));
        } finally {
            // the runs dated a week ahead would stand first on the retention page for the classes that follow
            db.execute(
                    "DELETE FROM retention_failure WHERE run_id IN (SELECT id FROM retention_run WHERE started_at > now())");
            db.execute("DELETE FROM retention_run WHERE started_at > now()");
        }
    }

    /** Anyone could make the portal mail a stranger without end: "address taken" and reset mails are limited. */
    @Test
    void mailsAnyoneCanTriggerForAnAddressAreLimited() throws Exception {
        String email = db.customer("Mottagare");
        for (int i = 0; i < 5; i++) {
            WebSession visitor = new WebSession();
            WebSession.Page forgot = visitor.page(base, "/forgot-password.xhtml?lang=en");
            visitor.submit(base, forgot, "forgot", Map.of("forgot:email", email), "forgot:submit");
            WebSession.Page register = visitor.page(base, "/register.xhtml?lang=en");
            visitor.submit(
                    base,
                    register,
                    "register",
                    Map.of(
                            "register:givenName",
                            "Mallory",
                            "register:familyName",
                            "Spam",
                            "register:email",
                            email,
                            "register:password",
                            "Spam-Spam-2026",
                            "register:policy",
                            "on"),
                    "register:submit");
        }
        String mails =
                "SELECT count(*) FROM outbox_message m JOIN credential c ON c.id = m.credential_id WHERE c.email = '"
                        + email + "' AND m.template = '%s'";
        assertEquals("3", db.query(mails.formatted("reset")), "three reset links an hour");
        assertEquals("3", db.query(mails.formatted("registration.taken")), "three 'someone tried to register' a day");
    }

    /** An intruder's pending change of address outlived the owner's "log out everywhere" and could take the account later. */
    @Test
    void aLinkAskedForBeforeTheSessionsEndedNoLongerWorks() throws Exception {
        String email = db.customer("Kapad");
        WebSession intruder = signedIn(email, TestDatabase.PASSWORD);
        String takeover = "takeover." + System.nanoTime() + "@example.com";
        WebSession.Page profile = intruder.page(base, "/customer/profile.xhtml?lang=en");
        intruder.submit(
                base,
                profile,
                "emailChange",
                Map.of("emailChange:email", takeover, "emailChange:password", TestDatabase.PASSWORD),
                "emailChange:changeEmail");
        String link = Mailbox.linkPath(Mailbox.awaitText(takeover, "Confirm your new e-mail address"));

        WebSession owner = signedIn(email, TestDatabase.PASSWORD);
        WebSession.Page dashboard = owner.page(base, "/customer/dashboard.xhtml?lang=en");
        owner.submit(base, dashboard, "logoutForm", Map.of(), dashboard.button("logoutForm", "Log out everywhere"));

        assertTrue(
                new WebSession().open(base, link + "&lang=en").body().contains(LINK_REFUSED),
                "the intruder's link is dead");
        assertEquals(
                "1",
                db.query("SELECT count(*) FROM credential WHERE email = '" + email + "'"),
                "the address stays the owner's");
    }

    private static HttpRequest.Builder json(String path, String body, String base) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String what) {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                what + ": " + response.headers().firstValue("Content-Type"));
        assertTrue(response.body().contains("\"status\":" + status), what + ": " + response.body());
        assertOwnPage(response);
    }

    /** Nothing names the server, a class or an exception. */
    private static void assertOwnPage(HttpResponse<String> response) {
        String body = response.body();
        for (String leak : List.of(
                "Payara",
                "Exception",
                "at se.somg",
                "at org.",
                "jakarta.faces.FacesException",
                "GlassFish",
                "Grizzly")) {
            assertFalse(body.contains(leak), "the answer names '" + leak + "': " + body);
        }
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
        officer.logIn(base, OFFICER, OFFICER_PASSWORD, StaffCodes.demo());
        db.await(Duration.ofSeconds(60), "SELECT count(*) FROM retention_run WHERE status = 'RUNNING'", "0");
        WebSession.Page page = officer.page(base, "/staff/privacy/retention.xhtml?lang=en");
        HttpResponse<String> started =
                officer.submit(base, page, "retention", Map.of(), page.button("retention", "Run now"));
        assertTrue(started.body().contains("The retention run has started"), started.body());
        return officer;
    }
}

package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import se.somg.portal.devdb.DevDatabase;
import se.somg.portal.devdb.DevMailServer;
import se.somg.portal.devdb.MicroNode;
import se.somg.portal.devdb.WebSession;
import se.somg.portal.testing.Browser;
import se.somg.portal.testing.LocalMachine;
import se.somg.portal.testing.Mailbox;
import se.somg.portal.testing.OldSchemaData;
import se.somg.portal.testing.StaffCodes;
import se.somg.portal.testing.TestEnvironment;

/**
 * The portal as a company launches it: no demo data, only {@code PORTAL_INITIAL_ADMIN_EMAIL}, on the database the
 * previous release left (schema and data at migration 11), on two cluster nodes. The first administrator follows the
 * mailed link, sets a password and an authenticator app, invites a privacy officer with two roles, who enrols a
 * passkey; deactivating them ends their session on both nodes. A customer of the old release sets up two-step
 * verification. Then the operator's backup: dumped, restored into a new database, and a portal started on the copy
 * finds everyone. Real processes and a real browser throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaunchIT {

    private static final String ADMIN = "first.admin@somg.example";
    private static final String ADMIN_PASSWORD = "First-Admin-2026";
    private static final String OFFICER = "petra.nilsson@somg.example";
    private static final String OFFICER_PASSWORD = "Officer-Launch-2026";
    /** The browsers' address as the portal sees it, in each way it could be written (policy §5.1). */
    private static final Pattern CLIENT_ADDRESS =
            Pattern.compile("(?<![\\d.])127\\.0\\.0\\.1(?![\\d])|0:0:0:0:0:0:0:1|(?<![\\w:])::1(?![\\w:])");

    private final Path work = Path.of("target", "launch-it");
    private DevDatabase postgres;
    private String databaseUrl;
    private Map<String, Long> oldRows;
    private MicroNode one;
    private MicroNode two;
    private MicroNode restored;
    private String base;
    private String otherBase;
    private String adminKey;
    private String customerKey;
    /** The privacy officer's browser, with the passkey enrolled in test 4. */
    private Browser officerBrowser;

    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    void launch() throws Exception {
        LocalMachine.deleteRecursively(work);
        postgres = DevDatabase.startEmbedded(work.resolve("postgres"));
        databaseUrl = postgres.ensureDatabase("portal_launch");
        OldSchemaData.write(databaseUrl, postgres.user(), postgres.password());
        oldRows = OldSchemaData.counts(databaseUrl, postgres.user(), postgres.password());
        int[] http = {LocalMachine.freePort(), LocalMachine.freePort()};
        base = "http://localhost:" + http[0];
        otherBase = "http://localhost:" + http[1];
        int[] grid = {LocalMachine.freePort(), LocalMachine.freePort()};
        String members = "127.0.0.1:" + grid[0] + ",127.0.0.1:" + grid[1];
        String cluster = "portal-launch-" + ProcessHandle.current().pid();
        one = node(cluster, "launch-1", http[0], grid[0], members, databaseUrl);
        // the first node migrates the schema and mails the first administrator; the second meets a ready database
        one.awaitReady(Duration.ofMinutes(4));
        two = node(cluster, "launch-2", http[1], grid[1], members, databaseUrl);
        two.awaitReady(Duration.ofMinutes(4));
    }

    private MicroNode node(
            String cluster, String name, int http, int grid, String members, String database, String... extra)
            throws IOException {
        DevMailServer mail = TestEnvironment.mail();
        List<String> options = new ArrayList<>(List.of(
                "-Xmx512m",
                // no demo data: what a real server runs with
                "-Dportal.initial-admin-email=" + ADMIN,
                "-Dportal.base-url=" + base,
                "-Dportal.db.url=" + database,
                "-Dportal.db.user=" + postgres.user(),
                "-Dportal.db.password=" + postgres.password(),
                "-Dportal.smtp.host=127.0.0.1",
                "-Dportal.smtp.port=" + mail.port(),
                "-Dportal.mail.retry-seconds=2"));
        options.addAll(List.of(extra));
        return MicroNode.start(
                Path.of(System.getProperty("payara.microJar")),
                Path.of(System.getProperty("portal.war")),
                cluster,
                name,
                http,
                grid,
                members,
                options,
                work.resolve(name + ".log"));
    }

    @AfterAll
    void stop() throws Exception {
        browsers.forEach(Browser::close);
        for (MicroNode node : new MicroNode[] {restored, two, one}) {
            if (node != null) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void theUpgradeKeepsEveryRowAndTheOldAccountsSignIn() throws Exception {
        assertEquals(
                String.valueOf(newestMigration()),
                query("SELECT max(version::int) FROM flyway_schema_history WHERE success"),
                "every migration of this release ran");
        assertEquals(oldRows, OldSchemaData.counts(databaseUrl, postgres.user(), postgres.password()));
        assertEquals("STAFF", query("SELECT kind FROM credential WHERE email = '" + OldSchemaData.SUPPORT + "'"));
        assertEquals(
                "SUPPORT",
                query("SELECT string_agg(r.role, ',') FROM staff_role r JOIN staff_member s ON s.id = r.staff_member_id"
                        + " JOIN credential c ON c.id = s.credential_id WHERE c.email = '" + OldSchemaData.SUPPORT
                        + "'"));

        WebSession customer = new WebSession();
        HttpResponse<String> landed = customer.logIn(base, OldSchemaData.CUSTOMER, OldSchemaData.CUSTOMER_PASSWORD);
        assertEquals("/customer/dashboard.xhtml", landed.uri().getPath());
        assertTrue(
                customer.open(base, "/customer/consents.xhtml?lang=en").body().contains("History and receipts"));

        // a staff member of the old release has no second factor: signed in only to enrol one
        WebSession support = new WebSession();
        assertEquals(
                "/account/security.xhtml",
                support.logIn(base, OldSchemaData.SUPPORT, OldSchemaData.SUPPORT_PASSWORD)
                        .uri()
                        .getPath());
        HttpResponse<String> lookup = support.open(base, "/staff/support/lookup.xhtml?lang=en");
        assertEquals("/account/security.xhtml", lookup.uri().getPath(), "nothing but enrolling");
        assertEquals(403, support.get(base, "/api/staff/notices/1/phone.csv").statusCode());
    }

    @Test
    @Order(2)
    void theFirstAdministratorFollowsTheMailedLinkSetsAPasswordAndAnAuthenticatorApp() throws Exception {
        String mail = Mailbox.awaitText(ADMIN, "administratör");
        assertEquals(1, Mailbox.count(ADMIN, "administratör"), "both nodes started; one link was sent");
        Browser admin = browser();
        admin.open(Mailbox.linkPath(mail) + "&lang=en");
        assertEquals("Set up your staff account", admin.heading());
        assertNoSeriousViolations(admin);
        admin.type("New password (at least 10 characters)", ADMIN_PASSWORD);
        admin.type("Repeat the new password", ADMIN_PASSWORD);
        admin.press("Set password");

        assertEquals("/account/security.xhtml", admin.path());
        assertTrue(admin.mainText().contains("Staff accounts need two-step verification"), admin.mainText());
        assertNoSeriousViolations(admin);
        admin.press("Set up authenticator app");
        assertTrue(admin.driver().findElement(By.cssSelector(".qr-code svg")).isDisplayed(), "the QR code");
        assertTrue(admin.mainText().contains("Can't scan? Enter this key"));
        adminKey = admin.text("secretKey").replace(" ", "");
        admin.type("Code from the app", "000000");
        admin.press("Turn on");
        assertTrue(admin.messages().contains("The code is not right"), admin.messages());
        admin.type("Code from the app", StaffCodes.fresh(adminKey));
        admin.press("Turn on");
        assertEquals(
                10,
                admin.driver().findElements(By.cssSelector("#recoveryCodes li")).size());
        admin.follow("Continue to your pages");
        assertEquals("/staff/admin/staff.xhtml", admin.path());
        assertNoSeriousViolations(admin);

        // the link works once
        Browser again = browser();
        again.open(Mailbox.linkPath(mail) + "&lang=en");
        assertTrue(again.messages().contains("This link does not work"), again.messages());
        // the administrator sees no customer data
        admin.open("/staff/support/lookup.xhtml?lang=en");
        assertEquals("Not allowed", admin.heading());
        admin.open("/staff/privacy/audit.xhtml?lang=en");
        assertEquals("Not allowed", admin.heading());
    }

    @Test
    @Order(3)
    void theAdministratorInvitesAPrivacyOfficerWithTwoRoles() throws Exception {
        Browser admin = signedInAdministrator(base);
        admin.type("Name", "Petra Nilsson");
        admin.type("E-mail", OldSchemaData.CUSTOMER);
        admin.field("Privacy officer").click();
        admin.press("Invite staff member");
        assertTrue(admin.messages().contains("already has an account"), "a customer's address: " + admin.messages());

        admin.type("E-mail", OFFICER);
        admin.field("Customer support").click();
        admin.press("Invite staff member");
        assertTrue(admin.messages().contains("An invitation was mailed to " + OFFICER), admin.messages());
        String row = admin.row("staffMembers", OFFICER).getText();
        assertTrue(row.contains("Invited"), row);

        // an administrator cannot take their own rights, nor leave the portal without an administrator
        admin.press(admin.row("staffMembers", ADMIN), "Deactivate");
        assertTrue(admin.messages().contains("You cannot change your own roles"), admin.messages());
        assertEquals("0", query("SELECT count(*) FROM staff_member WHERE NOT active"));
    }

    @Test
    @Order(4)
    void theOfficerEnrolsAPasskeyAndWorksTheRequestQueueOnTheOtherNode() throws Exception {
        Browser officer = browser().withPasskeyAuthenticator();
        officerBrowser = officer;
        officer.open(Mailbox.linkPath(Mailbox.awaitText(OFFICER, "staff account")) + "&lang=en");
        officer.type("New password (at least 10 characters)", OFFICER_PASSWORD);
        officer.type("Repeat the new password", OFFICER_PASSWORD);
        officer.press("Set password");
        assertEquals("/account/security.xhtml", officer.path());
        officer.press("Add a passkey");
        assertTrue(officer.messages().contains("The passkey is added"), officer.messages());
        assertEquals(
                10,
                officer.driver()
                        .findElements(By.cssSelector("#recoveryCodes li"))
                        .size());

        // the same session, on the other node: both roles
        officer.driver().get(otherBase + "/staff/privacy/requests.xhtml?lang=en");
        assertEquals("Data-subject requests", officer.heading());
        officer.driver().get(otherBase + "/staff/support/lookup.xhtml?lang=en");
        assertEquals("Look up a customer", officer.heading());

        officer.driver().get(base + "/account/security.xhtml?lang=en");
        officer.press("Log out");
        officer.open("/login.xhtml?lang=en");
        officer.press("Sign in with a passkey");
        assertEquals("/staff/privacy/overview.xhtml", officer.path(), "a passkey alone");
        officer.open("/account/security.xhtml?lang=en");
        assertTrue(officer.text("signIns").contains("Passkey"), officer.text("signIns"));
        assertTrue(officer.text("signIns").contains("This browser"), officer.text("signIns"));
        assertEquals(
                "1",
                query(
                        "SELECT count(*) FROM audit_event WHERE action = 'SECOND_FACTOR_ADDED' AND detail LIKE 'credential:"
                                + credentialId(OFFICER) + " %'"));
    }

    @Test
    @Order(5)
    void deactivatingTheOfficerEndsTheirSessionOnBothNodes() throws Exception {
        Browser officer = officerBrowser;
        officer.driver().get(otherBase + "/staff/privacy/requests.xhtml?lang=en");
        assertEquals("Data-subject requests", officer.heading());

        Browser admin = signedInAdministrator(otherBase);
        admin.press(admin.row("staffMembers", OFFICER), "Deactivate");
        assertTrue(admin.messages().contains("is deactivated"), admin.messages());

        officer.driver().get(base + "/staff/privacy/requests.xhtml?lang=en");
        assertEquals("/login.xhtml", officer.path(), "node one");
        officer.driver().get(otherBase + "/staff/support/lookup.xhtml?lang=en");
        assertEquals("/login.xhtml", officer.path(), "node two");
        officer.press("Sign in with a passkey");
        assertEquals("/login.xhtml", officer.path(), "a deactivated staff member cannot sign in");
        assertTrue(officer.messages().contains("The passkey did not sign you in"), officer.messages());

        admin.open("/staff/admin/staff.xhtml?lang=en");
        assertTrue(admin.row("staffMembers", OFFICER).getText().contains("Deactivated"));
        String changes = admin.text("staffChanges");
        assertTrue(changes.contains("Deactivated") && changes.contains("Petra Nilsson"), changes);
        assertEquals(
                "1",
                query("SELECT count(*) FROM audit_event WHERE action = 'STAFF_DEACTIVATED' AND actor = 'ADMINISTRATOR:"
                        + credentialId(ADMIN) + "' AND detail = 'staff:" + credentialId(OFFICER) + "'"));
    }

    @Test
    @Order(7)
    void aCustomerSetsUpTwoStepVerificationAndSignsInWithACodeARecoveryCodeAndAPasskey() throws Exception {
        Browser customer = browser().withPasskeyAuthenticator();
        customer.logInInEnglish(OldSchemaData.CUSTOMER, OldSchemaData.CUSTOMER_PASSWORD);
        assertTrue(customer.mainText().contains("Set up two-step verification"), "offered on the dashboard");
        customer.follow("Security");
        assertNoSeriousViolations(customer);
        customer.press("Set up authenticator app");
        customerKey = customer.text("secretKey").replace(" ", "");
        customer.type("Code from the app", StaffCodes.fresh(customerKey));
        customer.press("Turn on");
        List<String> recovery = customer.driver().findElements(By.cssSelector("#recoveryCodes li")).stream()
                .map(li -> li.getText())
                .toList();
        assertEquals(10, recovery.size());
        customer.press("Log out");

        customer.logIn(OldSchemaData.CUSTOMER, OldSchemaData.CUSTOMER_PASSWORD);
        assertEquals("/login-verify.xhtml", customer.path());
        assertNoSeriousViolations(customer);
        customer.typeCode("123456");
        assertTrue(customer.messages().contains("The code is not right"), customer.messages());
        customer.typeCode(StaffCodes.fresh(customerKey));
        assertEquals("/customer/dashboard.xhtml", customer.path());
        customer.press("Log out");

        customer.logIn(OldSchemaData.CUSTOMER, OldSchemaData.CUSTOMER_PASSWORD);
        customer.typeCode(recovery.get(0));
        assertEquals("/customer/dashboard.xhtml", customer.path(), "a recovery code");
        assertTrue(Mailbox.awaitText(OldSchemaData.CUSTOMER, "recovery code").contains("9 unused codes left"));
        customer.follow("Security");
        customer.press("Add a passkey");
        assertTrue(customer.messages().contains("The passkey is added"), customer.messages());
        customer.press("Log out");

        customer.open("/login.xhtml?lang=en");
        customer.press("Sign in with a passkey");
        assertEquals("/customer/dashboard.xhtml", customer.path(), "a passkey alone");
        customer.follow("Security");
        String signIns = customer.text("signIns");
        for (String method : List.of("Password and code", "Password and recovery code", "Passkey")) {
            assertTrue(signIns.contains(method), signIns);
        }
        assertTrue(customer.text("failures").contains("1"), "the wrong code, counted");

        // the register extract's step-up takes a code instead of the password
        customer.follow("My data");
        customer.type("Code", StaffCodes.fresh(customerKey));
        customer.press("Confirm code");
        assertTrue(customer.messages().contains("You can now download"), customer.messages());

        // a browser the customer trusts is not asked for a code again; another still is (the next test)
        customer.press("Log out");
        customer.logIn(OldSchemaData.CUSTOMER, OldSchemaData.CUSTOMER_PASSWORD);
        assertEquals("/login-verify.xhtml", customer.path());
        customer.driver()
                .findElement(By.cssSelector("input[type=checkbox][id$='trust']"))
                .click();
        customer.typeCode(StaffCodes.fresh(customerKey));
        assertEquals("/customer/dashboard.xhtml", customer.path());
        customer.press("Log out");
        customer.logIn(OldSchemaData.CUSTOMER, OldSchemaData.CUSTOMER_PASSWORD);
        assertEquals("/customer/dashboard.xhtml", customer.path(), "a trusted browser: the password alone");
        // a new session: the extract's step-up asks again, and the passkey answers it
        customer.follow("My data");
        customer.press("Confirm with your passkey");
        assertTrue(customer.messages().contains("You can now download"), "the passkey step-up: " + customer.messages());

        // a customer's own second factors are theirs: the administrator's list of staff-account changes leaves them out
        String customerId = credentialId(OldSchemaData.CUSTOMER);
        assertEquals(
                "2",
                query("SELECT count(*) FROM audit_event WHERE action = 'SECOND_FACTOR_ADDED' AND actor = 'CUSTOMER:"
                        + customerId + "'"),
                "the app and the passkey are audited");
        String changes = signedInAdministrator(base).text("staffChanges");
        assertFalse(changes.contains("#" + customerId), "no customer's event on the Staff page: " + changes);
    }

    @Test
    @Order(8)
    void aSignInFromANewBrowserIsMailedAndItsLinkEndsEverySession() throws Exception {
        long before = Mailbox.count(OldSchemaData.CUSTOMER, "New sign-in");
        Browser stranger = browser();
        stranger.logInInEnglish(OldSchemaData.CUSTOMER, OldSchemaData.CUSTOMER_PASSWORD);
        stranger.typeCode(StaffCodes.fresh(customerKey));
        assertEquals("/customer/dashboard.xhtml", stranger.path());
        Awaitility.await("the mail about the new browser")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Mailbox.count(OldSchemaData.CUSTOMER, "New sign-in") == before + 1);
        String mail = Mailbox.awaitText(OldSchemaData.CUSTOMER, "New sign-in");
        assertTrue(mail.contains("Chrome on Linux"), mail);

        Browser owner = browser();
        owner.open(Mailbox.linkPath(mail) + "&lang=en");
        assertNoSeriousViolations(owner);
        owner.press("Sign out everywhere and choose a new password");
        assertEquals("/reset-password.xhtml", owner.path());
        stranger.open("/customer/profile.xhtml?lang=en");
        assertEquals("/login.xhtml", stranger.path(), "the stranger's session has ended");
    }

    @Test
    @Order(9)
    void noTableAndNoLogLinePutsANetworkAddressBesidePersonalData() throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = connect(databaseUrl);
                Statement s = c.createStatement();
                ResultSet columns = s.executeQuery("""
                        SELECT table_name, column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character')
                          AND table_name <> 'flyway_schema_history'""")) {
            List<String[]> all = new ArrayList<>();
            while (columns.next()) {
                all.add(new String[] {columns.getString(1), columns.getString(2)});
            }
            for (String[] column : all) {
                try (Statement q = c.createStatement();
                        ResultSet values = q.executeQuery("SELECT " + column[1] + " FROM " + column[0] + " WHERE "
                                + column[1] + " IS NOT NULL")) {
                    while (values.next()) {
                        String value = values.getString(1);
                        if (CLIENT_ADDRESS.matcher(value).find()) {
                            found.add(column[0] + "." + column[1] + ": " + value);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "no column holds a network address");
        String customerId =
                query("SELECT id FROM customer WHERE credential_id = " + credentialId(OldSchemaData.CUSTOMER));
        for (MicroNode node : new MicroNode[] {one, two}) {
            for (String line : Files.readAllLines(node.log())) {
                boolean personal = line.contains(OldSchemaData.CUSTOMER)
                        || line.contains(OFFICER)
                        || line.contains("customer " + customerId);
                assertFalse(personal && CLIENT_ADDRESS.matcher(line).find(), "a log line with an address: " + line);
                assertFalse(line.contains(OldSchemaData.CUSTOMER), "a customer's address in the log: " + line);
            }
        }
    }

    @Test
    @Order(10)
    void aBackupRestoredIntoANewDatabaseServesEveryoneAsBefore() throws Exception {
        Path dump = work.resolve("portal.dump");
        run("pg_dump", "-Fc", "--no-owner", "-f", dump.toString(), "-d", libpqUrl(databaseUrl));
        String copyUrl = postgres.ensureDatabase("portal_restored");
        run("pg_restore", "--no-owner", "--exit-on-error", "-d", libpqUrl(copyUrl), dump.toString());

        Map<String, Long> original = allCounts(databaseUrl);
        assertEquals(original, allCounts(copyUrl), "every row of every table");
        // for the retention timer's test below: two former customers on either side of a 12-month period
        formerOnCopy = copyUrl;
        execute(
                copyUrl,
                formerCustomer(THIRTEEN_MONTHS_AGO, "13 months")
                        + formerCustomer(ELEVEN_MONTHS_AGO, "11 months")
                        + auditEvent(OLD_AUDIT_EVENT, "40 months")
                        + auditEvent(KEPT_AUDIT_EVENT, "30 months")
                        + signIn(OLD_SIGN_IN, "13 months")
                        + signIn(KEPT_SIGN_IN, "11 months"));
        int http = LocalMachine.freePort();
        int grid = LocalMachine.freePort();
        restored = node(
                "portal-restored-" + ProcessHandle.current().pid(),
                "restored",
                http,
                grid,
                "127.0.0.1:" + grid,
                copyUrl,
                // policy 5.7 as an operator sets it: a period of its own, and the timer (every minute here)
                "-Dportal.retention.months=12",
                "-Dportal.retention.schedule=* *");
        restored.awaitReady(Duration.ofMinutes(4));
        String copy = "http://localhost:" + http;
        assertEquals(
                1, Mailbox.count(ADMIN, "administratör"), "once an administrator exists, the setting does nothing");

        WebSession admin = new WebSession();
        HttpResponse<String> staff = admin.logIn(copy, ADMIN, ADMIN_PASSWORD, () -> StaffCodes.fresh(adminKey));
        assertEquals("/staff/admin/staff.xhtml", staff.uri().getPath());
        assertTrue(staff.body().contains(OFFICER) && staff.body().contains("Deactivated"), "the staff list");

        WebSession customer = new WebSession();
        HttpResponse<String> home = customer.logIn(
                copy, OldSchemaData.CUSTOMER, OldSchemaData.CUSTOMER_PASSWORD, () -> StaffCodes.fresh(customerKey));
        assertEquals("/customer/dashboard.xhtml", home.uri().getPath());
        String consents =
                customer.open(copy, "/customer/consents.xhtml?lang=en").body();
        assertEquals(
                Long.parseLong(query(
                        "SELECT count(*) FROM consent_event WHERE customer_id = (SELECT id FROM customer WHERE credential_id = "
                                + credentialId(OldSchemaData.CUSTOMER) + ")")),
                countOf(consents, "consent-receipts/\\d+\\.json"),
                "every consent event of the history, with its receipt");
    }

    @Test
    @Order(11)
    void removingAFactorTakesThePasswordAndACurrentCode() throws Exception {
        Browser customer = browser();
        customer.logInInEnglish(OldSchemaData.CUSTOMER, OldSchemaData.CUSTOMER_PASSWORD);
        customer.typeCode(StaffCodes.fresh(customerKey));
        customer.follow("Security");
        customer.type("Password", OldSchemaData.CUSTOMER_PASSWORD);
        customer.press("Remove authenticator app");
        assertTrue(customer.messages().contains("The code is not right"), customer.messages());
        assertTrue(customer.text("appStatus").contains("An authenticator app is on"));
        customer.type("Password", "Not-The-Password-1");
        customer.type("Current code", StaffCodes.fresh(customerKey));
        customer.press("Remove authenticator app");
        assertTrue(customer.messages().contains("The password is not right"), customer.messages());
        customer.type("Password", OldSchemaData.CUSTOMER_PASSWORD);
        customer.type("Current code", StaffCodes.fresh(customerKey));
        customer.press("Remove authenticator app");
        assertTrue(customer.messages().contains("The authenticator app is removed"), customer.messages());
        assertTrue(customer.text("appStatus").contains("No authenticator app"));
        assertTrue(Mailbox.awaitText(OldSchemaData.CUSTOMER, "second factor was removed")
                .contains("was just removed"));
    }

    @Test
    @Order(12)
    void wrongCodesSlowTheAccountDownAndTheAnswerStaysTheSame() throws Exception {
        Browser owner = signedInAdministrator(base);
        owner.press("Log out");
        Browser guesser = browser();
        guesser.open("/login.xhtml?lang=en");
        guesser.type("E-mail", ADMIN);
        guesser.type("Password", ADMIN_PASSWORD);
        guesser.press("Log in");
        for (int attempt = 0; attempt < 5; attempt++) {
            guesser.typeCode(String.format("%06d", attempt));
        }
        guesser.typeCode(StaffCodes.fresh(adminKey));
        assertEquals("/login-verify.xhtml", guesser.path(), "the right code, sent while the account waits");
        assertTrue(guesser.messages().contains("The code is not right"), guesser.messages());
        assertEquals("5", query("SELECT failed_codes FROM credential WHERE email = '" + ADMIN + "'"));
        assertEquals(
                "5",
                query("SELECT sum(attempts) FROM sign_in_failure f JOIN credential c ON c.id = f.credential_id"
                        + " WHERE c.email = '" + ADMIN + "'"),
                "five wrong codes counted on the owner's history; the code sent while waiting is not even checked");

        // the owner, in a browser they signed in with before, is not kept waiting by someone guessing elsewhere
        owner.open("/login.xhtml?lang=en");
        owner.type("E-mail", ADMIN);
        owner.type("Password", ADMIN_PASSWORD);
        owner.press("Log in");
        owner.typeCode(StaffCodes.fresh(adminKey));
        assertEquals("/staff/admin/staff.xhtml", owner.path(), "the owner's own browser: " + owner.messages());
    }

    /**
     * The administrator's other steps on a staff account, each ending the person's sessions on every node: reactivate
     * (the passkey signs in again), fewer roles (the next sign-in has only those left), and a second factor reset (the
     * passkey opens nothing, and with the password alone the person can only enrol a new factor). Each is audited.
     */
    @Test
    @Order(6)
    void reactivatingChangingRolesAndResettingTheFactorEachTakeEffectEverywhere() throws Exception {
        Browser admin = signedInAdministrator(base);
        admin.press(admin.row("staffMembers", OFFICER), "Reactivate");
        assertTrue(admin.messages().contains("is active again"), admin.messages());
        assertTrue(admin.row("staffMembers", OFFICER).getText().contains("Active"));

        Browser officer = officerBrowser;
        officer.open("/login.xhtml?lang=en");
        officer.press("Sign in with a passkey");
        assertTrue(officer.path().startsWith("/staff/"), "active again, the passkey signs in: " + officer.path());
        officer.driver().get(otherBase + "/staff/support/lookup.xhtml?lang=en");
        assertEquals("Look up a customer", officer.heading(), "both roles, on the other node");

        WebElement row = admin.row("staffMembers", OFFICER);
        WebElement support = row.findElement(By.xpath(".//label[normalize-space(.)='Customer support']"));
        row.findElement(By.id(support.getAttribute("for"))).click(); // a checkbox: no page follows
        admin.press(admin.row("staffMembers", OFFICER), "Save roles");
        assertTrue(admin.messages().contains("Their sessions have ended"), admin.messages());
        officer.driver().get(otherBase + "/staff/privacy/requests.xhtml?lang=en");
        assertEquals("/login.xhtml", officer.path(), "the session with the old roles ended on the other node");
        officer.press("Sign in with a passkey");
        officer.driver().get(base + "/staff/support/lookup.xhtml?lang=en");
        assertEquals("Not allowed", officer.heading(), "customer support no more");
        officer.driver().get(base + "/staff/privacy/requests.xhtml?lang=en");
        assertEquals("Data-subject requests", officer.heading(), "still privacy officer");

        admin.press(admin.row("staffMembers", OFFICER), "Reset second factor");
        assertTrue(admin.messages().contains("second factors of"), admin.messages());
        officer.driver().get(otherBase + "/staff/privacy/requests.xhtml?lang=en");
        assertEquals("/login.xhtml", officer.path(), "the reset ended the session");
        officer.press("Sign in with a passkey");
        assertEquals("/login.xhtml", officer.path(), "the passkey went with the reset");
        officer.type("E-mail", OFFICER);
        officer.type("Password", OFFICER_PASSWORD);
        officer.press("Log in");
        assertEquals("/account/security.xhtml", officer.path(), "nothing but enrolling a new factor");
        officer.driver().get(base + "/staff/privacy/requests.xhtml?lang=en");
        assertEquals("/account/security.xhtml", officer.path(), "nothing but enrolling a new factor");

        String staff = "'staff:" + credentialId(OFFICER) + "%'";
        assertEquals(
                "1",
                query("SELECT count(*) FROM audit_event WHERE action = 'STAFF_REACTIVATED' AND detail LIKE " + staff));
        assertEquals(
                "1",
                query("SELECT count(*) FROM audit_event WHERE action = 'STAFF_ROLES_CHANGED' AND detail LIKE "
                        + staff));
        assertEquals(
                "1",
                query("SELECT count(*) FROM audit_event WHERE action = 'SECOND_FACTOR_REMOVED' AND detail LIKE " + staff
                        + " AND detail LIKE '%reset by an administrator'"));
    }

    private Browser signedInAdministrator(String at) throws Exception {
        Browser admin = browser(at);
        admin.open("/login.xhtml?lang=en");
        admin.type("E-mail", ADMIN);
        admin.type("Password", ADMIN_PASSWORD);
        admin.press("Log in");
        admin.typeCode(StaffCodes.fresh(adminKey));
        assertEquals("/staff/admin/staff.xhtml", admin.path());
        return admin;
    }

    private Browser browser() throws Exception {
        return browser(base);
    }

    /**
     * Policy §5.7 without anyone pressing a button: the retention timer of the node started on the restored copy
     * (every minute, a 12-month period, both set as an operator would) anonymises the former customer whose contract
     * ended 13 months ago, as a run started by the system, and keeps the one whose contract ended 11 months ago.
     */
    @Test
    @Order(13)
    void theRetentionTimerRunsByItselfWithTheConfiguredPeriod() throws Exception {
        String anonymised = "SELECT anonymised_at IS NOT NULL FROM customer WHERE id = ";
        Awaitility.await("the timer's run")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> "t".equals(query(formerOnCopy, anonymised + THIRTEEN_MONTHS_AGO)));
        assertEquals("f", query(formerOnCopy, anonymised + ELEVEN_MONTHS_AGO), "inside the period");
        // the audit trail's own period (PORTAL_AUDIT_MONTHS, 36 by default), in the same nightly run
        Awaitility.await("the audit trail's old events")
                .atMost(Duration.ofMinutes(1))
                .until(() -> "0"
                        .equals(query(formerOnCopy, "SELECT count(*) FROM audit_event WHERE id = " + OLD_AUDIT_EVENT)));
        assertEquals("1", query(formerOnCopy, "SELECT count(*) FROM audit_event WHERE id = " + KEPT_AUDIT_EVENT));
        // the sign-in history's twelve months, in the same run's housekeeping
        Awaitility.await("the sign-ins of more than twelve months ago")
                .atMost(Duration.ofMinutes(1))
                .until(() ->
                        "0".equals(query(formerOnCopy, "SELECT count(*) FROM login_record WHERE id = " + OLD_SIGN_IN)));
        assertEquals("1", query(formerOnCopy, "SELECT count(*) FROM login_record WHERE id = " + KEPT_SIGN_IN));
        assertEquals(
                "t",
                query(
                        formerOnCopy,
                        "SELECT count(*) > 0 FROM retention_run WHERE NOT dry_run AND started_by = 'system'"),
                "started by the timer");
    }

    /**
     * Policy 6 as an operator runs it: HTTPS required, TLS ended by a proxy on this machine. Plain page views are sent
     * to the public HTTPS address and anything else refused; through the proxy every answer carries HSTS and the
     * session cookie is {@code Secure}; the node's own health probe still answers in plain HTTP, or the load balancer
     * would take a healthy node out of service.
     */
    @Test
    @Order(14)
    void withHttpsRequiredPlainRequestsAreSentAwayAndEveryAnswerThroughTheProxyIsStrict() throws Exception {
        int http = LocalMachine.freePort();
        int grid = LocalMachine.freePort();
        try (MicroNode strict = node(
                "portal-https-" + ProcessHandle.current().pid(),
                "https",
                http,
                grid,
                "127.0.0.1:" + grid,
                formerOnCopy,
                "-Dportal.https.required=true",
                "-Dportal.trusted-proxies=127.0.0.1")) {
            strict.awaitReady(Duration.ofMinutes(4));
            String node = "http://localhost:" + http;
            HttpClient client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();

            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(URI.create(node + "/login.xhtml?lang=en"))
                            .build(),
                    BodyHandlers.ofString());
            assertEquals(301, page.statusCode());
            assertEquals(
                    "https://" + URI.create(base).getRawAuthority() + "/login.xhtml?lang=en",
                    page.headers().firstValue("Location").orElseThrow(),
                    "to the configured public address, never the Host the client sent");
            HttpResponse<String> post = client.send(
                    HttpRequest.newBuilder(URI.create(node + "/login.xhtml"))
                            .POST(BodyPublishers.ofString("j_username=x"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .build(),
                    BodyHandlers.ofString());
            assertEquals(403, post.statusCode(), "a form sent in plain text is refused, not redirected");
            assertEquals(
                    "SOMG", post.headers().firstValue("Server").orElse(""), "the refusal is the portal's own page");

            for (String probe : List.of("/health/ready", "/health/live")) {
                assertEquals(
                        200,
                        client.send(
                                        HttpRequest.newBuilder(URI.create(node + probe))
                                                .build(),
                                        BodyHandlers.discarding())
                                .statusCode(),
                        probe + " in plain HTTP, as a load balancer asks it");
            }

            for (String path :
                    List.of("/login.xhtml?lang=en", "/customer/dashboard.xhtml", "/api/me", "/no-such-page")) {
                HttpResponse<String> proxied = client.send(
                        HttpRequest.newBuilder(URI.create(node + path))
                                .header("X-Forwarded-Proto", "https")
                                .build(),
                        BodyHandlers.ofString());
                assertEquals(
                        "max-age=31536000; includeSubDomains",
                        proxied.headers()
                                .firstValue("Strict-Transport-Security")
                                .orElse("none"),
                        "HSTS on " + path + " (" + proxied.statusCode() + ")");
                for (String cookie : proxied.headers().allValues("Set-Cookie")) {
                    assertTrue(cookie.contains("; Secure"), "Secure: " + cookie + " on " + path);
                }
            }
            HttpResponse<String> login = client.send(
                    HttpRequest.newBuilder(URI.create(node + "/login.xhtml"))
                            .header("X-Forwarded-Proto", "https")
                            .build(),
                    BodyHandlers.ofString());
            assertTrue(
                    login.headers().allValues("Set-Cookie").stream()
                            .anyMatch(cookie -> cookie.startsWith("JSESSIONID=")
                                    && cookie.contains("; Secure")
                                    && cookie.contains("HttpOnly")),
                    "a Secure session cookie: " + login.headers().allValues("Set-Cookie"));
        }
    }

    private static final long THIRTEEN_MONTHS_AGO = 96_000_013L;
    private static final long ELEVEN_MONTHS_AGO = 96_000_011L;
    private static final long OLD_AUDIT_EVENT = 96_000_040L;
    private static final long KEPT_AUDIT_EVENT = 96_000_030L;

    private static final long OLD_SIGN_IN = 96_000_113L;
    private static final long KEPT_SIGN_IN = 96_000_111L;

    /** A sign-in of the former customer who is kept, this long ago. */
    private static String signIn(long id, String age) {
        return """
                INSERT INTO login_record (id, credential_id, logged_in_at) VALUES (%d, %d, now() - interval '%s');
                """.formatted(id, ELEVEN_MONTHS_AGO, age);
    }

    private static String auditEvent(long id, String age) {
        return """
                INSERT INTO audit_event (id, occurred_at, actor, action, customer_id, detail)
                VALUES (%d, now() - interval '%s', 'SUPPORT:1', 'CUSTOMER_LOOKUP', NULL, NULL);
                """.formatted(id, age);
    }

    private String formerOnCopy;

    private static String formerCustomer(long id, String ended) {
        return """
                INSERT INTO credential (id, email, password_hash, kind, failed_attempts, created_at, confirmed_at, version)
                VALUES (%1$d, 'former.%1$d@example.com', 'x', 'CUSTOMER', 0, now(), now(), 0);
                INSERT INTO customer (id, credential_id, given_name, family_name, platform, collected_through, created_at,
                                      preferred_language, contract_ended_at, version)
                VALUES (%1$d, %1$d, 'Före', 'Detta', 'SOMG_SE', 'CONTRACT', now() - interval '5 years', 'sv',
                        now() - interval '%2$s', 0);
                """.formatted(id, ended);
    }

    /** The highest version among this release's migrations. */
    private static int newestMigration() throws IOException {
        try (var files = Files.list(Path.of("..", "portal-model", "src", "main", "resources", "db", "migration"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max()
                    .orElseThrow();
        }
    }

    private void execute(String url, String sql) throws SQLException {
        try (Connection c = connect(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Browser browser(String at) throws Exception {
        Browser browser = new Browser(new URL(at + "/"));
        browsers.add(browser);
        return browser;
    }

    private static void assertNoSeriousViolations(Browser browser) {
        for (String language : List.of("sv", "en")) {
            String url = browser.driver().getCurrentUrl().replaceAll("([?&])lang=\\w+", "$1lang=" + language);
            if (!url.matches(".*[?&]lang=\\w+.*")) {
                // a page reached by a redirect or a link has no language in its address: ask for each
                url += (url.contains("?") ? "&" : "?") + "lang=" + language;
            }
            browser.driver().get(url);
            assertEquals(
                    language,
                    browser.driver().findElement(By.tagName("html")).getAttribute("lang"),
                    browser.path() + " is checked in " + language);
            assertEquals(List.of(), browser.seriousAccessibilityViolations(), browser.path() + " in " + language);
            assertEquals(List.of(), browser.foreignReferences(), browser.path() + " loads nothing from elsewhere");
        }
    }

    private static long countOf(String html, String regex) {
        return Pattern.compile(regex).matcher(html).results().count();
    }

    private String credentialId(String email) {
        return query("SELECT id FROM credential WHERE email = '" + email + "'");
    }

    private Map<String, Long> allCounts(String url) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect(url);
                Statement s = c.createStatement();
                ResultSet tables = s.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (Statement q = c.createStatement();
                        ResultSet r = q.executeQuery("SELECT count(*) FROM " + table)) {
                    r.next();
                    counts.put(table, r.getLong(1));
                }
            }
        }
        return counts;
    }

    /** pg_dump and pg_restore take libpq's URL, not JDBC's. */
    private String libpqUrl(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^jdbc:", "").replaceFirst("\\?.*$", "") + "?user=" + postgres.user() + "&password="
                + postgres.password();
    }

    private void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(command[0] + ".log").toFile())
                .start();
        assertEquals(0, process.waitFor(), command[0] + ": " + Files.readString(work.resolve(command[0] + ".log")));
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, postgres.user(), postgres.password());
    }

    private String query(String sql) {
        return query(databaseUrl, sql);
    }

    private String query(String url, String sql) {
        try (Connection c = connect(url);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

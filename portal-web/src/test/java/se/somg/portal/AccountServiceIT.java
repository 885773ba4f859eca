package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.somg.portal.account.AccountService;
import se.somg.portal.account.Credential;
import se.somg.portal.account.Customer;
import se.somg.portal.account.LoginGuard;
import se.somg.portal.account.LoginOutcome;
import se.somg.portal.account.PasswordHashing;
import se.somg.portal.demo.DemoUser;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.Platform;
import se.somg.portal.kernel.Role;
import se.somg.portal.support.CustomerLookup;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.RunAsAdministrator;
import se.somg.portal.testing.RunAsCommunications;
import se.somg.portal.testing.RunAsCustomer;
import se.somg.portal.testing.RunAsPrivacyOfficer;
import se.somg.portal.testing.RunAsSupport;
import se.somg.portal.testing.TestSupport;

/** Accounts, login, lockout and role checks, inside a real Payara Micro against PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class AccountServiceIT {

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses(AccountServiceIT.class, TestSupport.class);
    }

    @Inject
    private PasswordHashing hashing;

    @EJB
    private AccountService accounts;

    @EJB
    private LoginGuard guard;

    @EJB
    private CustomerLookup lookup;

    @EJB
    private RunAsCustomer asCustomer;

    @EJB
    private RunAsSupport asSupport;

    @EJB
    private RunAsPrivacyOfficer asOfficer;

    @EJB
    private RunAsCommunications asCommunications;

    @EJB
    private RunAsAdministrator asAdministrator;

    @EJB
    private TestSupport db;

    @EJB
    private se.somg.portal.profile.ProfileService profiles;

    @EJB
    private se.somg.portal.preference.PreferenceService preferences;

    @EJB
    private se.somg.portal.account.PasswordService passwords;

    @EJB
    private se.somg.portal.extract.ExtractService extracts;

    @EJB
    private se.somg.portal.disclosure.DisclosureService disclosures;

    @EJB
    private se.somg.portal.consent.ConsentService consents;

    private static String newEmail() {
        return "it-" + UUID.randomUUID() + "@Example.com";
    }

    private Customer newCustomer(String email) {
        return accounts.createCustomer(
                email,
                "Correct-Horse-1".toCharArray(),
                " Greta ",
                "Garbo",
                Platform.SOMG_SE,
                CollectionCircumstance.REGISTRATION);
    }

    @Test
    void createsACustomerWithAHashedPasswordAndNormalisedEmail() {
        String email = newEmail();
        Customer created = newCustomer(email);

        assertNotNull(created.getId());
        Credential credential = db.credential(email);
        assertEquals(Credential.normalise(email), credential.getEmail());
        assertEquals(Credential.Kind.CUSTOMER, credential.getKind());
        assertTrue(
                credential.getPasswordHash().startsWith("PBKDF2WithHmacSHA512:210000:"), credential.getPasswordHash());
        assertFalse(credential.getPasswordHash().contains("Correct-Horse-1"));
        assertEquals(
                1,
                db.count(
                        "SELECT COUNT(c) FROM Customer c WHERE c.givenName = 'Greta' AND c.credential.id = ?1",
                        credential.getId()));
    }

    @Test
    void refusesADuplicateEmailAndAWeakPasswordWithoutWritingAnything() {
        String email = newEmail();
        newCustomer(email);
        long before = db.count("SELECT COUNT(c) FROM Credential c");

        Refusal duplicate = assertThrows(Refusal.class, () -> newCustomer(email.toUpperCase()));
        assertEquals("account.email.taken", duplicate.getMessageKey());
        Refusal weak = assertThrows(
                Refusal.class,
                () -> accounts.createCustomer(
                        newEmail(),
                        "short".toCharArray(),
                        "A",
                        "B",
                        Platform.SOMG_SE,
                        CollectionCircumstance.REGISTRATION));
        assertEquals("account.password.weak", weak.getMessageKey());
        assertEquals(before, db.count("SELECT COUNT(c) FROM Credential c"));
    }

    @Test
    void loginSucceedsWithTheRightPasswordAndRecordsOnlyTheTime() {
        String email = newEmail();
        newCustomer(email);
        long id = db.credential(email).getId();

        LoginOutcome outcome =
                guard.attempt("  " + email.toUpperCase() + " ", "Correct-Horse-1".toCharArray(), null, null);

        assertEquals(LoginOutcome.Kind.SUCCEEDED, outcome.getKind());
        assertEquals(id, outcome.getCredentialId());
        assertEquals(List.of(Role.Names.CUSTOMER), outcome.getGroups());
        assertEquals(1, db.count("SELECT COUNT(r) FROM LoginRecord r WHERE r.credential.id = ?1", id));
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        String email = newEmail();
        newCustomer(email);

        LoginOutcome wrongPassword = guard.attempt(email, "Wrong-Password-1".toCharArray(), null, null);
        LoginOutcome unknown = guard.attempt(newEmail(), "Correct-Horse-1".toCharArray(), null, null);

        assertEquals(LoginOutcome.Kind.REFUSED, wrongPassword.getKind());
        assertEquals(LoginOutcome.Kind.REFUSED, unknown.getKind());
        assertEquals(wrongPassword.getCredentialId(), unknown.getCredentialId());
    }

    /**
     * After five wrong passwords the account waits, and while it waits even the right password is not checked
     * and the answer is the same as for any wrong one; waiting does not grow by trying, only by failing after it.
     * The owner is told once. A browser the owner signed in with before does not wait.
     */
    @Test
    void guessingMakesTheAccountWaitButNotTheOwnersBrowser() {
        String email = newEmail();
        newCustomer(email);
        String ownersBrowser = guard.attempt(email, "Correct-Horse-1".toCharArray(), null, null)
                .getDeviceToken();
        assertNotNull(ownersBrowser, "a successful login trusts the browser");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertEquals(
                    LoginOutcome.Kind.REFUSED,
                    guard.attempt(email, "Wrong-Password-1".toCharArray(), null, null)
                            .getKind());
        }
        OffsetDateTime until = db.credential(email).getThrottledUntil();
        assertNotNull(until);
        assertTrue(
                Math.abs(until.toEpochSecond()
                                - OffsetDateTime.now().plusSeconds(30).toEpochSecond())
                        < 10,
                until.toString());

        assertEquals(
                LoginOutcome.Kind.REFUSED,
                guard.attempt(email, "Correct-Horse-1".toCharArray(), null, null)
                        .getKind(),
                "the right password from elsewhere is not checked while the account waits");
        assertEquals(5, db.credential(email).getFailedAttempts(), "attempts while waiting are not counted");
        assertEquals(until, db.credential(email).getThrottledUntil(), "nor do they prolong the wait");
        assertEquals(
                LoginOutcome.Kind.SUCCEEDED,
                guard.attempt(email, "Correct-Horse-1".toCharArray(), ownersBrowser, null)
                        .getKind(),
                "the owner's own browser signs in at once");
        assertEquals(
                1,
                db.count(
                        "SELECT COUNT(m) FROM OutboxMessage m WHERE m.recipient = ?1"
                                + " AND (m.subject LIKE '%trying to sign in%' OR m.subject LIKE '%försöker logga in%')",
                        Credential.normalise(email)),
                "the owner is told someone is guessing, once");

        for (int attempt = 1; attempt <= 5; attempt++) {
            guard.attempt(email, "Wrong-Password-1".toCharArray(), null, null);
        }
        db.expireLock(email);
        assertEquals(
                LoginOutcome.Kind.SUCCEEDED,
                guard.attempt(email, "Correct-Horse-1".toCharArray(), null, null)
                        .getKind(),
                "once the wait is over the right password works");
    }

    /**
     * An address without an account is answered as one with an account, and costs the same: exactly one password hash
     * per attempt (the time an answer takes is the hash's), whether the account exists, is refused, or waits after
     * guessing (when its password is not even checked). Counted, not timed.
     */
    @Test
    void anUnknownAddressWaitsTheSameAndIsAnsweredTheSame() {
        String unknown = newEmail();
        String known = newEmail();
        newCustomer(known);
        for (int attempt = 1; attempt <= 7; attempt++) {
            for (String email : List.of(unknown, known)) {
                long before = hashing.computed();
                assertEquals(
                        LoginOutcome.Kind.REFUSED,
                        guard.attempt(email, "Wrong-Password-1".toCharArray(), null, null)
                                .getKind(),
                        email + ", attempt " + attempt);
                assertEquals(1, hashing.computed() - before, "one hash, attempt " + attempt + " for " + email);
            }
        }
        assertTrue(db.credential(known).getThrottledUntil() != null, "the known account waits by now");
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        String email = newEmail();
        newCustomer(email);
        for (int attempt = 1; attempt <= 4; attempt++) {
            guard.attempt(email, "Wrong-Password-1".toCharArray(), null, null);
        }
        assertEquals(
                LoginOutcome.Kind.SUCCEEDED,
                guard.attempt(email, "Correct-Horse-1".toCharArray(), null, null)
                        .getKind());
        assertEquals(
                LoginOutcome.Kind.REFUSED,
                guard.attempt(email, "Wrong-Password-1".toCharArray(), null, null)
                        .getKind());
        assertEquals(1, db.credential(email).getFailedAttempts());
    }

    @Test
    void aCustomerCallingAStaffMethodIsRefused() {
        assertAccessRefused(assertThrows(Exception.class, () -> asCustomer.call(() -> lookup.search("Anna"))));
    }

    /** Policy §2: every service holding personal data checks the caller's role itself, whatever page calls it. */
    @Test
    void everyServiceWithPersonalDataRefusesTheWrongCaller() {
        List<java.util.concurrent.Callable<?>> customerOnly = List.of(
                () -> profiles.view(),
                () -> preferences.current(),
                () -> passwords.confirmIdentity("x".toCharArray()),
                () -> extracts.issued(),
                () -> consents.overview(),
                () -> consents.history(),
                () -> consents.page());
        for (java.util.concurrent.Callable<?> call : customerOnly) {
            assertAccessRefused(assertThrows(Exception.class, call::call), "anonymous");
            assertAccessRefused(assertThrows(Exception.class, () -> asSupport.call(call)), "support");
        }
        assertAccessRefused(
                assertThrows(Exception.class, () -> passwords.change("a".toCharArray(), "b".toCharArray())),
                "anonymous");
        assertAccessRefused(assertThrows(Exception.class, () -> consents.marketingAllowed(1L)), "anonymous");
        assertAccessRefused(assertThrows(Exception.class, () -> disclosures.recent()), "anonymous");
        assertAccessRefused(assertThrows(Exception.class, () -> asSupport.call(() -> disclosures.recent())), "support");
        assertAccessRefused(
                assertThrows(Exception.class, () -> asCustomer.call(() -> disclosures.recent())), "customer");
    }

    /**
     * Policy §2 and §6, need to know: every business method of every EJB that names its roles refuses every other
     * role, customers and the other staff roles alike, and anonymous callers. The services are found in the EJB jar
     * itself, so a new one is checked too; a refused call never runs, so the arguments do not matter.
     */
    @Test
    void everyServiceMethodRefusesEveryRoleItDoesNotName() throws Exception {
        Map<String, RunAsCaller> callers = Map.of(
                Role.Names.CUSTOMER,
                asCustomer::call,
                Role.Names.SUPPORT,
                asSupport::call,
                Role.Names.PRIVACY_OFFICER,
                asOfficer::call,
                Role.Names.COMMUNICATIONS,
                asCommunications::call,
                "anonymous",
                work -> work.call());
        List<String> wrong = new ArrayList<>();
        int refusalsChecked = 0;
        for (Class<?> service : services()) {
            Object bean = InitialContext.doLookup("java:module/" + service.getSimpleName());
            for (Method method : service.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class)
                        ? method.getAnnotation(RolesAllowed.class)
                        : method.isAnnotationPresent(PermitAll.class)
                                ? null
                                : service.getAnnotation(RolesAllowed.class);
                if (roles == null) {
                    continue;
                }
                Set<String> allowed = Set.of(roles.value());
                for (Map.Entry<String, RunAsCaller> caller : callers.entrySet()) {
                    if (allowed.contains(caller.getKey())) {
                        continue;
                    }
                    try {
                        caller.getValue().call(() -> method.invoke(bean, defaults(method)));
                        wrong.add(service.getSimpleName() + "." + method.getName() + " ran for " + caller.getKey());
                    } catch (Exception thrown) {
                        if (!refused(thrown)) {
                            wrong.add(service.getSimpleName() + "." + method.getName() + " for " + caller.getKey()
                                    + ": " + thrown);
                        }
                    }
                    refusalsChecked++;
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(refusalsChecked > 200, "refusals checked: " + refusalsChecked);
    }

    @FunctionalInterface
    private interface RunAsCaller {
        Object call(java.util.concurrent.Callable<Object> work) throws Exception;
    }

    /** The EJBs of portal-ejb, read from the jar (or folder) its classes were loaded from. */
    private static List<Class<?>> services() throws Exception {
        Path root = Path.of(PasswordHashing.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.map(root::relativize).map(Path::toString).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                jar.stream().map(JarEntry::getName).forEach(names::add);
            }
        }
        List<Class<?>> services = new ArrayList<>();
        for (String name : names) {
            if (!name.startsWith("se/somg/portal/")
                    || !name.endsWith(".class")
                    || name.contains("$")
                    || name.contains("/passkeys/jackson/")) {
                continue;
            }
            Class<?> type = Class.forName(
                    name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                    false,
                    PasswordHashing.class.getClassLoader());
            if (type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)) {
                services.add(type);
            }
        }
        assertTrue(services.size() >= 30, "the services were found: " + services);
        return services;
    }

    private static final Map<Class<?>, Object> PRIMITIVES = Map.of(
            boolean.class,
            false,
            char.class,
            'x',
            byte.class,
            (byte) 0,
            short.class,
            (short) 0,
            int.class,
            0,
            long.class,
            0L,
            float.class,
            0f,
            double.class,
            0d);

    /** Zero for a primitive, null for anything else. */
    private static Object[] defaults(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(PRIMITIVES::get).toArray();
    }

    private static boolean refused(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof EJBAccessException) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anAnonymousCallerGetsNoCustomerData() {
        assertAccessRefused(assertThrows(Exception.class, () -> accounts.currentCustomer()));
        assertAccessRefused(assertThrows(Exception.class, () -> lookup.search("Anna")));
    }

    @Test
    void supportLooksUpACustomerAndEveryLookUpIsAudited() throws Exception {
        long anna = db.customerOf(db.credential(DemoUser.ANNA.email()).getId()).getId();
        long before = db.count(
                "SELECT COUNT(a) FROM AuditEvent a WHERE a.action = 'CUSTOMER_LOOKUP' AND a.customerId = ?1", anna);

        List<Customer> found = asSupport.call(() -> lookup.search(DemoUser.ANNA.email()));

        assertEquals(1, found.size());
        assertEquals("Anna", found.get(0).getGivenName());
        assertEquals(
                before + 1,
                db.count(
                        "SELECT COUNT(a) FROM AuditEvent a WHERE a.action = 'CUSTOMER_LOOKUP' AND a.customerId = ?1",
                        found.get(0).getId()));
        InvalidInput tooShort = assertThrows(InvalidInput.class, () -> asSupport.call(() -> lookup.search("a")));
        assertEquals(java.util.Map.of("term", "support.lookup.term"), tooShort.getProblems());
    }

    @Test
    void noTableHasAColumnForAnIpAddress() {
        assertEquals(List.of(), db.addressColumns());
    }

    @Test
    void demoAccountsExistWithTheirRoles() {
        assertEquals(
                Credential.Kind.CUSTOMER, db.credential(DemoUser.ANNA.email()).getKind());
        assertEquals(
                Credential.Kind.CUSTOMER, db.credential(DemoUser.BERTIL.email()).getKind());
        for (DemoUser staff : new DemoUser[] {
            DemoUser.SUPPORT, DemoUser.PRIVACY_OFFICER, DemoUser.COMMUNICATIONS, DemoUser.ADMINISTRATOR
        }) {
            assertEquals(Credential.Kind.STAFF, db.credential(staff.email()).getKind());
            assertEquals(java.util.Set.of(staff.role()), db.staffRoles(staff.email()));
        }
        assertNotEquals(
                db.credential(DemoUser.ANNA.email()).getPasswordHash(),
                db.credential(DemoUser.BERTIL.email()).getPasswordHash());
    }

    /** The container may wrap the refusal when it crosses a second bean; it must be in the chain. */
    private static void assertAccessRefused(Throwable thrown, String caller) {
        try {
            assertAccessRefused(thrown);
        } catch (AssertionError wrong) {
            throw new AssertionError("as " + caller + ": " + wrong.getMessage(), thrown);
        }
    }

    private static void assertAccessRefused(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof EJBAccessException) {
                return;
            }
        }
        throw new AssertionError("expected an EJBAccessException, got " + thrown, thrown);
    }
}

package se.somg.portal.testing;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import se.somg.portal.account.AccountCreation;
import se.somg.portal.account.Credential;
import se.somg.portal.account.Customer;
import se.somg.portal.account.PasswordHashing;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.Platform;
import se.somg.portal.preference.Preferences;

/** Accounts that tests may lock or change without disturbing the demo users other tests rely on. */
@Singleton
@Startup
@DependsOn("DemoData")
public class TestAccounts {

    public static final String LOCKOUT_EMAIL = "lockout.browser@example.com";
    public static final String LOCKOUT_PASSWORD = "Lockout-Test-2020";
    public static final String PROFILE_EMAIL = "profile.browser@example.com";
    public static final String CONFLICT_EMAIL = "conflict.browser@example.com";
    public static final String RESET_EMAIL = "reset.browser@example.com";
    /** Asks for erasure in the browser test; recreated at the next deployment once erased. */
    public static final String ERASURE_EMAIL = "erasure.browser@example.com";

    public static final String PASSWORD = "Browser-Test-2020";

    /** The credential id the {@link RunAsCustomer} bean calls services as (its principal name). */
    public static final long RUN_AS_CUSTOMER_ID = 900001L;

    public static final String RUN_AS_CUSTOMER_EMAIL = "runas.customer@example.com";

    @Inject
    private AccountCreation accounts;

    @Inject
    private PasswordHashing passwords;

    @Inject
    private Preferences preferences;

    @PersistenceContext
    private EntityManager em;

    @PostConstruct
    void create() {
        if (!accounts.exists(LOCKOUT_EMAIL)) {
            accounts.customer(
                    LOCKOUT_EMAIL,
                    LOCKOUT_PASSWORD.toCharArray(),
                    "Lotta",
                    "Lås",
                    Platform.SOMG_SE,
                    CollectionCircumstance.REGISTRATION);
        }
        for (String email : new String[] {PROFILE_EMAIL, CONFLICT_EMAIL, RESET_EMAIL, ERASURE_EMAIL}) {
            if (!accounts.exists(email)) {
                Customer customer = accounts.customer(
                        email,
                        PASSWORD.toCharArray(),
                        "Petra",
                        "Prov",
                        Platform.ONCENTRUM_SE,
                        CollectionCircumstance.EVENT);
                em.flush();
                preferences.createDefaults(customer.getId());
            }
        }
        if (em.find(Credential.class, RUN_AS_CUSTOMER_ID) == null) {
            em.createNativeQuery("""
                            INSERT INTO credential (id, email, password_hash, kind, failed_attempts, created_at, confirmed_at, version)
                            VALUES (?1, ?2, ?3, 'CUSTOMER', 0, now(), now(), 0)""")
                    .setParameter(1, RUN_AS_CUSTOMER_ID)
                    .setParameter(2, RUN_AS_CUSTOMER_EMAIL)
                    .setParameter(3, passwords.hash("RunAs-Test-2020".toCharArray()))
                    .executeUpdate();
            Customer customer = new Customer(
                    em.find(Credential.class, RUN_AS_CUSTOMER_ID),
                    "Rune",
                    "Runas",
                    Platform.MITTCENTRUM_COM,
                    CollectionCircumstance.CONTRACT,
                    OffsetDateTime.now());
            em.persist(customer);
            em.flush();
            preferences.createDefaults(customer.getId());
        }
    }
}

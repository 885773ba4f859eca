package se.somg.portal.testing;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import se.somg.portal.account.AccountCreation;
import se.somg.portal.profile.CollectionCircumstance;
import se.somg.portal.profile.Platform;

/** Accounts that tests may lock or change without disturbing the demo users other tests rely on. */
@Singleton
@Startup
@DependsOn("DemoData")
public class TestAccounts {

    public static final String LOCKOUT_EMAIL = "lockout.browser@example.com";
    public static final String LOCKOUT_PASSWORD = "Lockout-Test-2020";

    @Inject
    private AccountCreation accounts;

    @PostConstruct
    void create() {
        if (!accounts.exists(LOCKOUT_EMAIL)) {
            accounts.customer(LOCKOUT_EMAIL, LOCKOUT_PASSWORD.toCharArray(), "Lotta", "Lås",
                    Platform.SOMG_SE, CollectionCircumstance.REGISTRATION);
        }
    }
}

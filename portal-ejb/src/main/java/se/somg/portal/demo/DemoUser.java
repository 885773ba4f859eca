package se.somg.portal.demo;

import se.somg.portal.kernel.Role;

/**
 * The demo accounts of the acceptance contract (README, "Demo users"): the one place their addresses and passwords
 * are written, read by {@link DemoData} when it creates them and by the tests that log in as them.
 */
public enum DemoUser {
    ANNA("anna.andersson@example.com", "Anna-Demo-2020", Role.CUSTOMER),
    BERTIL("bertil.berg@example.com", "Bertil-Demo-2020", Role.CUSTOMER),
    /** A former customer past the retention period, so the retention page has something to show. */
    CECILIA("cecilia.ceder@example.com", "Cecilia-Demo-2020", Role.CUSTOMER),
    SUPPORT("support@somg.example", "Support-Demo-2020", Role.SUPPORT),
    PRIVACY_OFFICER("privacy@somg.example", "Privacy-Demo-2020", Role.PRIVACY_OFFICER),
    COMMUNICATIONS("comms@somg.example", "Comms-Demo-2020", Role.COMMUNICATIONS),
    ADMINISTRATOR("admin@somg.example", "Admin-Demo-2020", Role.ADMINISTRATOR);

    /**
     * The authenticator-app key of every demo staff account (base32), printed in the README so that anyone trying
     * the demo can add it to an app; tests compute their codes from it. Public, so its codes may be used more than once.
     */
    public static final String STAFF_TOTP_KEY = "HD2WVVHFLKIISZ7C62NI4UVFGNJ63QNG";

    private final String email;
    private final String password;
    private final Role role;

    DemoUser(String email, String password, Role role) {
        this.email = email;
        this.password = password;
        this.role = role;
    }

    /** @throws IllegalArgumentException for an address that is no demo account's */
    public static DemoUser byEmail(String email) {
        for (DemoUser user : values()) {
            if (user.email.equals(email)) {
                return user;
            }
        }
        throw new IllegalArgumentException("not a demo account: " + email);
    }

    public String email() {
        return email;
    }

    public String password() {
        return password;
    }

    public Role role() {
        return role;
    }

    public boolean isStaff() {
        return role.isStaff();
    }
}

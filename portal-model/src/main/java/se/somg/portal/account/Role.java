package se.somg.portal.account;

/**
 * What a signed-in person may do. A customer is never staff; staff roles are need-to-know (policy §6).
 * The names are the security role names used in {@code @RolesAllowed} and in the web constraints.
 */
public enum Role {
    CUSTOMER,
    SUPPORT,
    PRIVACY_OFFICER,
    COMMUNICATIONS;

    /** Role names as compile-time constants for annotations. */
    public static final class Names {
        public static final String CUSTOMER = "CUSTOMER";
        public static final String SUPPORT = "SUPPORT";
        public static final String PRIVACY_OFFICER = "PRIVACY_OFFICER";
        public static final String COMMUNICATIONS = "COMMUNICATIONS";

        private Names() {}
    }

    public boolean isStaff() {
        return this != CUSTOMER;
    }
}

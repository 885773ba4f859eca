package se.somg.portal.kernel;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a signed-in person may do. A customer is never staff; staff roles are need-to-know (policy §6), and a staff
 * member may hold several. The names are the security role names used in {@code @RolesAllowed} and in the web
 * constraints.
 */
public enum Role {
    CUSTOMER,
    SUPPORT,
    PRIVACY_OFFICER,
    COMMUNICATIONS,
    /** Staff accounts (and platform connections); sees no customer's data. */
    ADMINISTRATOR;

    /** Role names as compile-time constants for annotations. */
    public static final class Names {
        public static final String CUSTOMER = "CUSTOMER";
        public static final String SUPPORT = "SUPPORT";
        public static final String PRIVACY_OFFICER = "PRIVACY_OFFICER";
        public static final String COMMUNICATIONS = "COMMUNICATIONS";
        public static final String ADMINISTRATOR = "ADMINISTRATOR";

        /**
         * Not a role anyone is given: the group of a staff member signed in with a password who has no second factor
         * yet. It opens nothing but enrolling one (the security page and its services).
         */
        public static final String ENROLLING = "ENROLLING";

        private Names() {}
    }

    public boolean isStaff() {
        return this != CUSTOMER;
    }

    public static Set<Role> staffRoles() {
        return EnumSet.complementOf(EnumSet.of(CUSTOMER));
    }
}

package se.somg.portal.account;

import java.util.Optional;
import java.util.Set;
import se.somg.portal.kernel.Role;

/**
 * What an administrator may do to a staff account, as one rule: never to their own (no one raises their own rights
 * or locks themselves out), and never leave the portal without an active administrator.
 */
public final class StaffRules {

    private StaffRules() {}

    /**
     * @param self                 the administrator is changing their own account
     * @param targetIsAdministrator the account is an active administrator's who has set up their account
     * @param activeAdministrators such administrators in all, the target included
     * @return the message key of the refusal, if any
     */
    public static Optional<String> rolesChange(
            boolean self, boolean targetIsAdministrator, Set<Role> roles, long activeAdministrators) {
        if (self) {
            return Optional.of("staff.self");
        }
        if (roles == null || roles.isEmpty()) {
            return Optional.of("staff.roles.required");
        }
        if (roles.contains(Role.CUSTOMER)) {
            return Optional.of("staff.roles.invalid");
        }
        if (targetIsAdministrator && !roles.contains(Role.ADMINISTRATOR) && activeAdministrators <= 1) {
            return Optional.of("staff.lastAdministrator");
        }
        return Optional.empty();
    }

    public static Optional<String> deactivation(
            boolean self, boolean targetIsAdministrator, long activeAdministrators) {
        if (self) {
            return Optional.of("staff.self");
        }
        if (targetIsAdministrator && activeAdministrators <= 1) {
            return Optional.of("staff.lastAdministrator");
        }
        return Optional.empty();
    }

    /** An administrator who can act: active, and set up (a password chosen from the link). */
    static boolean countsAsAdministrator(StaffMember member) {
        return member.isActive()
                && member.hasRole(Role.ADMINISTRATOR)
                && member.getCredential().isConfirmed();
    }
}

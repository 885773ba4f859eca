package se.somg.portal.account;

import java.util.Optional;
import java.util.Set;

/**
 * What an administrator may do to a staff account, as one rule: never to their own (no one raises their own rights
 * or locks themselves out), and never leave the portal without an active administrator.
 */
public final class StaffRules {

    private StaffRules() {}

    /**
     * @param activeAdministrators administrators who are active and have set up their account, the target included
     * @return the message key of the refusal, if any
     */
    public static Optional<String> rolesChange(
            long callerCredentialId, StaffMember target, Set<Role> roles, long activeAdministrators) {
        if (isSelf(callerCredentialId, target)) {
            return Optional.of("staff.self");
        }
        if (roles == null || roles.isEmpty()) {
            return Optional.of("staff.roles.required");
        }
        if (countsAsAdministrator(target) && !roles.contains(Role.ADMINISTRATOR) && activeAdministrators <= 1) {
            return Optional.of("staff.lastAdministrator");
        }
        return Optional.empty();
    }

    public static Optional<String> deactivation(
            long callerCredentialId, StaffMember target, long activeAdministrators) {
        if (isSelf(callerCredentialId, target)) {
            return Optional.of("staff.self");
        }
        if (countsAsAdministrator(target) && activeAdministrators <= 1) {
            return Optional.of("staff.lastAdministrator");
        }
        return Optional.empty();
    }

    private static boolean isSelf(long callerCredentialId, StaffMember target) {
        return target.getCredential().getId() == callerCredentialId;
    }

    /** An administrator who can act: active, and signed up (a password chosen from the link). */
    static boolean countsAsAdministrator(StaffMember member) {
        return member.isActive()
                && member.hasRole(Role.ADMINISTRATOR)
                && member.getCredential().isConfirmed();
    }
}

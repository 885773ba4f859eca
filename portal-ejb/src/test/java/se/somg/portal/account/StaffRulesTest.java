package se.somg.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.somg.portal.kernel.Role;

class StaffRulesTest {

    @Test
    void noAdministratorChangesTheirOwnAccount() {
        assertEquals(Optional.of("staff.self"), StaffRules.rolesChange(true, true, Set.of(Role.SUPPORT), 3));
        assertEquals(Optional.of("staff.self"), StaffRules.rolesChange(true, false, Set.of(Role.ADMINISTRATOR), 3));
        assertEquals(Optional.of("staff.self"), StaffRules.deactivation(true, true, 3));
    }

    @Test
    void theLastActiveAdministratorKeepsTheRoleAndStaysActive() {
        assertEquals(
                Optional.of("staff.lastAdministrator"),
                StaffRules.rolesChange(false, true, Set.of(Role.PRIVACY_OFFICER), 1));
        assertEquals(Optional.of("staff.lastAdministrator"), StaffRules.deactivation(false, true, 1));
        assertEquals(Optional.empty(), StaffRules.rolesChange(false, true, Set.of(Role.PRIVACY_OFFICER), 2));
        assertEquals(Optional.empty(), StaffRules.deactivation(false, true, 2));
        assertEquals(
                Optional.empty(), StaffRules.rolesChange(false, true, Set.of(Role.ADMINISTRATOR, Role.SUPPORT), 1));
        // someone who is not (yet) an acting administrator can always be changed
        assertEquals(Optional.empty(), StaffRules.deactivation(false, false, 1));
    }

    @Test
    void staffHoldStaffRolesAndAtLeastOne() {
        assertEquals(Optional.of("staff.roles.required"), StaffRules.rolesChange(false, false, Set.of(), 2));
        assertEquals(
                Optional.of("staff.roles.invalid"),
                StaffRules.rolesChange(false, false, Set.of(Role.CUSTOMER, Role.SUPPORT), 2));
    }
}

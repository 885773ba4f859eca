package se.somg.portal.account;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import se.somg.portal.kernel.Role;

/** The security roles a session of an account is signed in with: one rule for every way of signing in. */
@Dependent
public class CallerRoles {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SecondFactorCheck secondFactors;

    /** A customer's one role; a staff member's roles once they have a second factor, before that only enrolling. */
    public List<String> of(Credential credential, Optional<StaffMember> staff) {
        if (staff.isEmpty()) {
            return List.of(Role.Names.CUSTOMER);
        }
        if (!secondFactors.available(credential.getId()).any()) {
            return List.of(Role.Names.ENROLLING);
        }
        return staff.get().getRoles().stream().map(Role::name).toList();
    }

    public Optional<StaffMember> staffOf(Credential credential) {
        if (credential.isCustomer()) {
            return Optional.empty();
        }
        return em
                .createNamedQuery(StaffMember.BY_CREDENTIAL, StaffMember.class)
                .setParameter("credentialId", credential.getId())
                .getResultList()
                .stream()
                .findFirst();
    }
}

package se.somg.portal.account;

import static se.somg.portal.kernel.Role.Names.ADMINISTRATOR;
import static se.somg.portal.kernel.Role.Names.COMMUNICATIONS;
import static se.somg.portal.kernel.Role.Names.CUSTOMER;
import static se.somg.portal.kernel.Role.Names.PRIVACY_OFFICER;
import static se.somg.portal.kernel.Role.Names.SUPPORT;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.somg.portal.kernel.Caller;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.Platform;

/** Accounts: creating customers, and telling a signed-in person who they are. */
@Stateless
public class AccountService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccountCreation creation;

    @Inject
    private Caller caller;

    @Inject
    private CurrentCustomer currentCustomer;

    /** Anyone may become a customer (policy §5.1: registration on our website). */
    @PermitAll
    public Customer createCustomer(
            String email,
            char[] password,
            String givenName,
            String familyName,
            Platform platform,
            CollectionCircumstance circumstance) {
        return creation.customer(email, password, givenName, familyName, platform, circumstance);
    }

    @RolesAllowed(CUSTOMER)
    public Customer currentCustomer() {
        return currentCustomer.get();
    }

    /** False once the caller's account has been erased: what is left of it must not stay signed in. */
    @RolesAllowed(CUSTOMER)
    public boolean isActive() {
        return em
                .createQuery(
                        "SELECT c.anonymisedAt FROM Customer c WHERE c.credential.id = :credential",
                        java.time.OffsetDateTime.class)
                .setParameter("credential", caller.credentialId())
                .getResultList()
                .stream()
                .allMatch(java.util.Objects::isNull);
    }

    @RolesAllowed({SUPPORT, PRIVACY_OFFICER, COMMUNICATIONS, ADMINISTRATOR})
    public StaffMember currentStaffMember() {
        return em.createQuery("SELECT s FROM StaffMember s WHERE s.credential.id = :id", StaffMember.class)
                .setParameter("id", caller.credentialId())
                .getSingleResult();
    }
}

package se.somg.portal.account;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import se.somg.portal.Refusal;
import se.somg.portal.profile.CollectionCircumstance;
import se.somg.portal.profile.Platform;

/** Writes a new account; the callers (services, the demo loader) decide who may. */
@Dependent
public class AccountCreation {

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing passwords;

    /** A customer whose e-mail address is already known to be theirs (created by staff or the demo loader). */
    public Customer customer(
            String email,
            char[] password,
            String givenName,
            String familyName,
            Platform platform,
            CollectionCircumstance circumstance) {
        return customer(email, password, givenName, familyName, platform, circumstance, true);
    }

    public Customer customer(
            String email,
            char[] password,
            String givenName,
            String familyName,
            Platform platform,
            CollectionCircumstance circumstance,
            boolean confirmed) {
        Credential credential = credential(email, password, Role.CUSTOMER);
        if (confirmed) {
            credential.confirm(OffsetDateTime.now(clock));
        }
        Customer customer = new Customer(
                credential, strip(givenName), strip(familyName), platform, circumstance, OffsetDateTime.now(clock));
        em.persist(customer);
        return customer;
    }

    public StaffMember staffMember(String email, char[] password, String displayName, Role role) {
        if (!role.isStaff()) {
            throw new IllegalArgumentException("not a staff role: " + role);
        }
        Credential credential = credential(email, password, role);
        credential.confirm(OffsetDateTime.now(clock));
        StaffMember staff = new StaffMember(credential, strip(displayName));
        em.persist(staff);
        return staff;
    }

    public boolean exists(String email) {
        return find(email).isPresent();
    }

    public java.util.Optional<Credential> find(String email) {
        return em
                .createNamedQuery(Credential.BY_EMAIL, Credential.class)
                .setParameter("email", Credential.normalise(email))
                .getResultList()
                .stream()
                .findFirst();
    }

    private Credential credential(String email, char[] password, Role role) {
        if (password == null || !PasswordHashing.isAcceptable(new String(password))) {
            throw new Refusal("account.password.weak");
        }
        if (exists(email)) {
            throw new Refusal("account.email.taken");
        }
        Credential credential = new Credential(email, passwords.hash(password), role, OffsetDateTime.now(clock));
        em.persist(credential);
        return credential;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}

package se.somg.portal.account;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import se.somg.portal.Refusal;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.Platform;
import se.somg.portal.kernel.Role;

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
        Credential credential = credential(email, password, Credential.Kind.CUSTOMER);
        if (confirmed) {
            credential.confirm(OffsetDateTime.now(clock));
        }
        Customer customer = new Customer(
                credential, strip(givenName), strip(familyName), platform, circumstance, OffsetDateTime.now(clock));
        em.persist(customer);
        return customer;
    }

    /** A staff member with a password already chosen (the demo loader). */
    public StaffMember staffMember(String email, char[] password, String displayName, Set<Role> roles) {
        Credential credential = credential(email, password, Credential.Kind.STAFF);
        credential.confirm(OffsetDateTime.now(clock));
        StaffMember staff = new StaffMember(credential, strip(displayName), roles);
        em.persist(staff);
        return staff;
    }

    /**
     * A staff member who chooses their password from a mailed link ({@link StaffSetup}): until then the account has
     * no usable password and is not confirmed, so nobody can sign in to it.
     */
    public StaffMember invitedStaffMember(String email, String displayName, Set<Role> roles) {
        if (exists(email)) {
            throw new Refusal("account.email.taken");
        }
        Credential credential =
                new Credential(email, PasswordHashing.NO_PASSWORD, Credential.Kind.STAFF, OffsetDateTime.now(clock));
        em.persist(credential);
        StaffMember staff = new StaffMember(credential, strip(displayName), roles);
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

    private Credential credential(String email, char[] password, Credential.Kind kind) {
        if (password == null || !PasswordHashing.isAcceptable(new String(password))) {
            throw new Refusal("account.password.weak");
        }
        if (exists(email)) {
            throw new Refusal("account.email.taken");
        }
        Credential credential = new Credential(email, passwords.hash(password), kind, OffsetDateTime.now(clock));
        em.persist(credential);
        return credential;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}

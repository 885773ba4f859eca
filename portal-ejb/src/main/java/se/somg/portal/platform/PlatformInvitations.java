package se.somg.portal.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.somg.portal.InvalidInput;
import se.somg.portal.account.AccountToken;
import se.somg.portal.account.Credential;
import se.somg.portal.account.Customer;
import se.somg.portal.account.PasswordHashing;
import se.somg.portal.account.TokenPurpose;
import se.somg.portal.account.Tokens;
import se.somg.portal.kernel.CurrentPolicy;
import se.somg.portal.kernel.CustomerChange;
import se.somg.portal.profile.DatumSources;

/**
 * The invitation a person gets when a platform named them and the portal did not know them: the link shows the
 * policy and the data held, with where each came from, and opens the account once they choose a password. Open to
 * all: the link is the permission.
 */
@Stateless
@PermitAll
public class PlatformInvitations {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Tokens tokens;

    @Inject
    private PasswordHashing hashing;

    @Inject
    private DatumSources sources;

    @Inject
    private CurrentPolicy policy;

    @Inject
    private Event<CustomerChange> platformsTold;

    /** What the page shows before the password is chosen. */
    public record Invitation(String givenName, String familyName, String email, List<Held> held)
            implements Serializable {}

    /** One datum held: which, from which site, in what circumstance, when. */
    public record Held(String field, String site, String circumstance, OffsetDateTime collectedAt)
            implements Serializable {}

    public Optional<Invitation> preview(String token) {
        return tokens.peek(token, TokenPurpose.CLAIM_ACCOUNT)
                .map(AccountToken::getCredential)
                .map(this::invitation);
    }

    private Invitation invitation(Credential credential) {
        Customer customer = customerOf(credential);
        List<Held> held = sources.of(customer.getId()).entrySet().stream()
                .map(source -> new Held(
                        source.getKey().name(),
                        source.getValue().getProvenance().getPlatform().getHost(),
                        source.getValue().getProvenance().getCircumstance().name(),
                        source.getValue().getProvenance().getCollectedAt()))
                .toList();
        return new Invitation(customer.getGivenName(), customer.getFamilyName(), customer.getEmail(), held);
    }

    /** Opens the account: the address is proved by the link, the policy in force accepted, the password set. */
    public String claim(String token, char[] password) {
        if (password == null || !PasswordHashing.isAcceptable(new String(password))) {
            throw new InvalidInput(Map.of("password", "account.password.weak"));
        }
        Credential credential = tokens.redeem(token, TokenPurpose.CLAIM_ACCOUNT).getCredential();
        OffsetDateTime now = OffsetDateTime.now(clock);
        credential.confirm(now);
        credential.setPasswordHash(hashing.hash(password));
        Customer customer = customerOf(credential);
        int version = policy.number(now);
        customer.acceptPolicy(version, now);
        // the platform that named them learns they took the account, under which version of the policy
        platformsTold.fire(new CustomerChange(
                customer.getId(), CustomerChange.Kind.POLICY_ACCEPTED, Map.of("policyVersion", version), now));
        return credential.getEmail();
    }

    private Customer customerOf(Credential credential) {
        return em.createNamedQuery(Customer.BY_CREDENTIAL, Customer.class)
                .setParameter("credentialId", credential.getId())
                .getSingleResult();
    }
}

package se.somg.portal.account;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;

/**
 * A new staff member (or the first administrator) opens the mailed link and chooses a password; they then sign in
 * and enrol a second factor before anything else. Whoever opens the link proves they own the address.
 */
@Stateless
@PermitAll
public class StaffSetup {

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Tokens tokens;

    @Inject
    private PasswordHashing passwords;

    @Inject
    private AuditTrail audit;

    /** @return the invitee's name, for the page; none for a wrong, used or expired link */
    public java.util.Optional<String> invitee(String token) {
        return tokens.peek(token, TokenPurpose.STAFF_SETUP)
                .map(found -> staffOf(found.getCredential()).getDisplayName());
    }

    /** @return the address to sign in with */
    public String choosePassword(String token, char[] password) {
        if (password == null || !PasswordHashing.isAcceptable(new String(password))) {
            throw new InvalidInput(Map.of("password", "account.password.weak"));
        }
        Credential credential = tokens.redeem(token, TokenPurpose.STAFF_SETUP).getCredential();
        StaffMember member = staffOf(credential);
        if (!member.isActive()) {
            throw new Refusal("link.invalid");
        }
        credential.setPasswordHash(passwords.hash(password));
        credential.confirm(OffsetDateTime.now(clock));
        credential.recordSuccess();
        credential.endSessions();
        audit.record(AuditAction.STAFF_SET_UP, null, StaffAdministration.subject(member));
        return credential.getEmail();
    }

    private StaffMember staffOf(Credential credential) {
        return em
                .createNamedQuery(StaffMember.BY_CREDENTIAL, StaffMember.class)
                .setParameter("credentialId", credential.getId())
                .getResultList()
                .stream()
                .findFirst()
                .orElseThrow(() -> new Refusal("link.invalid"));
    }
}

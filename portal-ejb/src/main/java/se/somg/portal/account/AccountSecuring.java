package se.somg.portal.account;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;

/**
 * "It was not me", from the mail about a sign-in from a new browser: every session of the account ends, no browser is
 * trusted any longer, every link sent before stops working, and the owner chooses a new password. The link only
 * opens a page; its button does the work, so a mail scanner that fetches links changes nothing.
 */
@Stateless
@PermitAll
public class AccountSecuring {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Tokens tokens;

    @Inject
    private AuditTrail audit;

    @Inject
    private AccountLanguage language;

    /** Whether the link would work: the page says so before anyone presses the button. */
    public boolean isValid(String token) {
        return tokens.peek(token, TokenPurpose.SECURE_ACCOUNT).isPresent();
    }

    /** @return the secret of a password-reset link for the same account, to continue with at once */
    public String secure(String token) {
        Credential credential =
                tokens.redeem(token, TokenPurpose.SECURE_ACCOUNT).getCredential();
        tokens.revokeAll(credential);
        em.createQuery("DELETE FROM TrustedDevice d WHERE d.credential = :credential")
                .setParameter("credential", credential)
                .executeUpdate();
        credential.endSessions();
        audit.record(AuditAction.ACCOUNT_SECURED, language.customerId(credential), "credential:" + credential.getId());
        return tokens.issue(credential, TokenPurpose.RESET_PASSWORD, null);
    }
}

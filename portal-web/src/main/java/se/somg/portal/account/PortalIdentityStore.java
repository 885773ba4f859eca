package se.somg.portal.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import se.somg.portal.Busy;
import se.somg.portal.database.DatabaseOutage;

/**
 * Checks e-mail and password through the {@link LoginGuard}. The caller's name becomes the credential id, so
 * services never trust a name typed in a form.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    @EJB
    private LoginGuard guard;

    @Inject
    private LoginAttempt attempt;

    @Inject
    private HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        LoginOutcome outcome;
        try {
            outcome = guard.attempt(
                    credential.getCaller(),
                    credential.getPassword().getValue(),
                    DeviceCookie.of(request).orElse(null),
                    request.getHeader("User-Agent"));
        } catch (Busy busy) {
            outcome = LoginOutcome.busy();
        } catch (RuntimeException failure) {
            // thrown inside the container's authentication, it would become a bare 500: say what happened
            if (!DatabaseOutage.isCause(failure)) {
                throw failure;
            }
            outcome = LoginOutcome.unavailable();
        }
        attempt.setOutcome(outcome);
        if (outcome.getKind() != LoginOutcome.Kind.SUCCEEDED) {
            // a right password that still needs a second factor signs no one in: the login page goes on to ask for it
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(
                String.valueOf(outcome.getCredentialId()), new HashSet<>(outcome.getGroups()));
    }
}

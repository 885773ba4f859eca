package se.somg.portal.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * A sign-in with a passkey, alone or as the second step: the authenticator's answer, checked against the challenge
 * this session's browser was given for that purpose (used up either way).
 */
@RequestScoped
public class PasskeySignIn {

    @EJB
    private LoginGuard guard;

    /**
     * @param pending the half-finished sign-in the passkey completes, or none for a passkey alone
     */
    public LoginOutcome attempt(String response, Optional<PendingSignIn> pending) {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        PasskeyChallenge.Purpose purpose =
                pending.isPresent() ? PasskeyChallenge.Purpose.SECOND_STEP : PasskeyChallenge.Purpose.SIGN_IN;
        Optional<byte[]> challenge = PasskeyChallenge.take(request, purpose);
        if (challenge.isEmpty() || response == null) {
            return LoginOutcome.refused();
        }
        return guard.passkey(
                response,
                challenge.get(),
                pending.map(PendingSignIn::credentialId).orElse(null),
                pending.map(PendingSignIn::generation).orElse(null),
                DeviceCookie.of(request).orElse(null),
                request.getHeader("User-Agent"));
    }
}

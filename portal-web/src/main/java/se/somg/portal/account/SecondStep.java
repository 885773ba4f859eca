package se.somg.portal.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import se.somg.portal.language.Messages;

/**
 * The second step of a sign-in, after a right password: a code from the authenticator app (a recovery code is
 * accepted in the same field) or the account's passkey. Works from the {@link PendingSignIn} in the session, on any
 * node; without one (it expired, or the browser came straight here) the person starts again at the login page.
 */
@Named
@RequestScoped
public class SecondStep {

    public static final String PAGE = "/login-verify.xhtml";

    @EJB
    private LoginGuard guard;

    @Inject
    private SignInCompletion completion;

    @Inject
    private PasskeySignIn passkeys;

    @Inject
    private Messages messages;

    private String code;
    private boolean trustBrowser;
    private String passkeyResponse;
    private PendingSignIn pending;

    /** View action: a page with nothing to complete goes back to the login. */
    public void onLoad() throws IOException {
        if (pending().isEmpty()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + Landing.LOGIN + "?again");
        }
    }

    public void verify() throws IOException {
        Optional<PendingSignIn> half = pending();
        if (half.isEmpty()) {
            onLoad();
            return;
        }
        HttpServletRequest request = request();
        LoginOutcome outcome = guard.secondStep(
                half.get().credentialId(),
                half.get().generation(),
                code,
                DeviceCookie.of(request).orElse(null),
                trustBrowser,
                request.getHeader("User-Agent"));
        code = null;
        finish(outcome, "login.code.failed");
    }

    public void passkey() throws IOException {
        Optional<PendingSignIn> half = pending();
        if (half.isEmpty()) {
            onLoad();
            return;
        }
        LoginOutcome outcome = passkeys.attempt(passkeyResponse, half);
        passkeyResponse = null;
        finish(outcome, "login.passkey.failed");
    }

    private void finish(LoginOutcome outcome, String failure) throws IOException {
        if (outcome.getKind() == LoginOutcome.Kind.SUCCEEDED) {
            completion.complete(outcome);
            return;
        }
        messages.error(null, failure);
        FacesContext.getCurrentInstance().validationFailed();
    }

    private Optional<PendingSignIn> pending() {
        if (pending == null) {
            pending = PendingSignIn.of(request(), System.currentTimeMillis()).orElse(null);
        }
        return Optional.ofNullable(pending);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    /** Whether the account has an authenticator app (the code field is always there: recovery codes go in it). */
    public boolean isApp() {
        return pending().map(PendingSignIn::app).orElse(false);
    }

    public boolean isTrustable() {
        return pending().map(PendingSignIn::trustable).orElse(false);
    }

    public boolean isPasskeys() {
        return pending().map(PendingSignIn::passkeys).orElse(false);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public boolean isTrustBrowser() {
        return trustBrowser;
    }

    public void setTrustBrowser(boolean trustBrowser) {
        this.trustBrowser = trustBrowser;
    }

    public String getPasskeyResponse() {
        return passkeyResponse;
    }

    public void setPasskeyResponse(String passkeyResponse) {
        this.passkeyResponse = passkeyResponse;
    }
}

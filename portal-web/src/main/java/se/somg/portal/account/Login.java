package se.somg.portal.account;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import se.somg.portal.kernel.Role;
import se.somg.portal.language.Messages;

/**
 * The login page: signs a person in with the password (and sends them on to the second step when their account has a
 * second factor) or with a passkey alone, or says neutrally that it did not work.
 */
@Named
@RequestScoped
public class Login {

    /** The login page's parameter for "your session has ended by time", when the marker cookie was cleared on the way. */
    public static final String EXPIRED = "expired";

    private String email;

    private String password;

    private String passkeyResponse;

    @Inject
    private SecurityContext securityContext;

    @Inject
    private PasskeySignIn passkeys;

    @Inject
    private SignInCompletion completion;

    @EJB
    private SignedInSessions signedIn;

    @Inject
    private LoginAttempt attempt;

    @Inject
    private Messages messages;

    /** View action: signed-in people go home; a leftover marker means the session timed out. */
    public void onLoad() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getUserPrincipal() != null) {
            external.redirect(external.getRequestContextPath() + Landing.homeOf(external));
            return;
        }
        var parameters = external.getRequestParameterMap();
        if (parameters.containsKey("again")) {
            messages.warn(null, "login.again");
        } else if (parameters.containsKey("ended")) {
            messages.warn(null, "login.ended");
        } else if (parameters.containsKey(EXPIRED) || SignedInMarker.isPresent(request)) {
            SignedInMarker.clear(request, (HttpServletResponse) external.getResponse());
            messages.warn(null, "login.expired");
        } else if (parameters.containsKey("loggedOutEverywhere")) {
            messages.info(null, "login.loggedOutEverywhere");
        } else if (parameters.containsKey("loggedOut")) {
            messages.info(null, "login.loggedOut");
        }
    }

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();

        Optional<String> requested = RequestedPage.take(request);
        AuthenticationStatus status = securityContext.authenticate(
                request,
                response,
                withParams().credential(new UsernamePasswordCredential(email, new Password(password))));
        switch (status) {
            case SUCCESS -> {
                SignInCompletion.renewSessionId(request);
                SignedInMarker.set(request, response, signedIn);
                SignInCompletion.rememberDevice(request, response, attempt.getOutcome());
                String home = external.getRequestContextPath() + Landing.homeOf(external);
                boolean enrolling = attempt.getOutcome().getGroups().contains(Role.Names.ENROLLING);
                external.redirect(enrolling ? home : requested.orElse(home));
            }
            default -> {
                requested.ifPresent(page -> RequestedPage.restore(request, page));
                LoginOutcome outcome = attempt.getOutcome();
                if (outcome != null && outcome.getKind() == LoginOutcome.Kind.SECOND_FACTOR) {
                    PendingSignIn.of(outcome, System.currentTimeMillis()).keepIn(request);
                    SignInCompletion.renewSessionId(request);
                    external.redirect(external.getRequestContextPath() + SecondStep.PAGE);
                    return;
                }
                refuse(request, response);
            }
        }
    }

    /** "Sign in with a passkey": the passkey alone, whose account it names. */
    public void passkey() throws IOException {
        LoginOutcome outcome = passkeys.attempt(passkeyResponse, Optional.empty());
        passkeyResponse = null;
        if (outcome.getKind() == LoginOutcome.Kind.SUCCEEDED) {
            completion.complete(outcome);
        } else {
            messages.error(null, "login.passkey.failed");
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public String getPasskeyResponse() {
        return passkeyResponse;
    }

    public void setPasskeyResponse(String passkeyResponse) {
        this.passkeyResponse = passkeyResponse;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) {
        SignedInMarker.clear(request, response);
        LoginOutcome outcome = attempt.getOutcome();
        if (outcome != null && outcome.getKind() == LoginOutcome.Kind.BUSY) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "2");
            messages.error(null, "login.busy");
        } else if (outcome != null && outcome.getKind() == LoginOutcome.Kind.UNAVAILABLE) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "10");
            messages.error(null, "error.unavailable.text");
        } else if (outcome != null && outcome.getKind() == LoginOutcome.Kind.UNCONFIRMED) {
            messages.warn(null, "login.unconfirmed");
        } else {
            messages.error(null, "login.failed");
        }
        password = null;
        FacesContext.getCurrentInstance().validationFailed();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}

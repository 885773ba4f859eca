package se.somg.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Ends a sign-in that did not go through the password form alone (a second factor, a passkey, a new staff member's
 * first password): a new session id, the caller kept in the session (the next request is signed in on any node), the
 * marker and device cookies, and on to the page asked for or the person's start page.
 */
@RequestScoped
public class SignInCompletion {

    public void complete(LoginOutcome outcome) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        // a new session id at every step of a sign-in, so an id planted before it is worth nothing
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        PendingSignIn.clear(request);
        Optional<String> requested = RequestedPage.take(request);
        SignedInCaller caller = new SignedInCaller(
                String.valueOf(outcome.getCredentialId()), outcome.getGroups(), outcome.getSessionGeneration());
        caller.keepIn(request);
        SignedInMarker.set(request, response);
        rememberDevice(request, response, outcome);
        String home = external.getRequestContextPath() + Landing.homeFor(caller.roles());
        external.redirect(caller.isEnrolling() ? home : requested.orElse(home));
    }

    static void rememberDevice(HttpServletRequest request, HttpServletResponse response, LoginOutcome outcome) {
        String device = outcome.getDeviceToken();
        if (device != null && !device.equals(DeviceCookie.of(request).orElse(null))) {
            DeviceCookie.set(request, response, device);
        }
    }
}

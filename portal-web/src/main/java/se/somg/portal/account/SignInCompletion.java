package se.somg.portal.account;

import jakarta.ejb.EJB;
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

    @EJB
    private SignedInSessions signedIn;

    public void complete(LoginOutcome outcome) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        PendingSignIn.clear(request);
        Optional<String> requested = RequestedPage.take(request);
        SignedInCaller caller = new SignedInCaller(
                String.valueOf(outcome.getCredentialId()), outcome.getGroups(), outcome.getSessionGeneration());
        caller.keepIn(request);
        renewSessionId(request);
        SignedInMarker.set(request, response, signedIn);
        rememberDevice(request, response, outcome);
        String home = external.getRequestContextPath() + Landing.homeFor(caller.roles());
        external.redirect(caller.isEnrolling() ? home : requested.orElse(home));
    }

    /**
     * A new session id once the sign-in (or its first step) is in the session, so that an id planted before it is
     * worth nothing. After, not before: the other node may read the session under its new id before this request's
     * own copy has reached it, and must find the caller (or the pending second step) there, not a session that looks
     * signed out.
     */
    static void renewSessionId(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
    }

    static void rememberDevice(HttpServletRequest request, HttpServletResponse response, LoginOutcome outcome) {
        String device = outcome.getDeviceToken();
        if (device != null && !device.equals(DeviceCookie.of(request).orElse(null))) {
            DeviceCookie.set(request, response, device);
        }
    }
}

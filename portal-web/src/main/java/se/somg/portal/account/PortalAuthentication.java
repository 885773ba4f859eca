package se.somg.portal.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import se.somg.portal.database.DatabaseOutage;
import se.somg.portal.security.SecurityHeadersFilter;

/**
 * The portal's form login. On every request the caller is re-established from the {@link SignedInCaller} in the
 * session, with its role passed explicitly, once {@link Sessions} confirms the session still stands (the
 * password or address did not change, the account is not erased, no "log out everywhere"): one primary-key look-up,
 * answered by PostgreSQL, so it holds on every node. The container's remembered login ({@code @AutoApplySession})
 * is not used: under parallel requests of one session it re-applied the caller without the groups (403 "Not
 * allowed" at random), and on another cluster member it knew no caller at all. A visitor who opens a protected
 * page is sent to the login page, which brings them back afterwards ({@link RequestedPage}); the API answers 401.
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(PortalAuthentication.class.getName());

    /** At most half a second: replication takes milliseconds; a session that really ended costs this once per browser. */
    private static final int REPLICATION_WAITS = 10;

    private static final long REPLICATION_WAIT_MILLIS = 50;

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private LoginAttempt attempt;

    @EJB
    private Sessions sessions;

    @EJB
    private SignedInSessions signedIn;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            return signIn(request, context, identityStores.validate(credential));
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/jakarta.faces.resource/")) {
            // style sheets, scripts and images are public: no one needs to be signed in for them
            return context.doNothing();
        }
        Optional<SignedInCaller> caller = SignedInCaller.of(request);
        if (caller.isEmpty()) {
            caller = restoredFromDatabase(request);
        }
        if (caller.isEmpty() && mayStillBeReplicating(request)) {
            caller = awaitReplicatedSession(request);
            if (caller.isEmpty()) {
                // the session really ended (or was never issued): this browser waits once, not at every request
                SignedInMarker.clear(request, response);
                if (context.isProtected()) {
                    return refuse(request, path, context, Landing.LOGIN + "?" + Login.EXPIRED);
                }
            }
        }
        if (caller.isPresent()) {
            if (stands(request, caller.get())) {
                if (caller.get().isEnrolling()
                        && context.isProtected()
                        && !path.startsWith("/account/")
                        && !path.startsWith("/api/")) {
                    // a staff member without a second factor can do nothing but enrol one (the API answers 403)
                    return redirect(request, context, request.getContextPath() + Landing.SECURITY);
                }
                return context.notifyContainerAboutLogin(
                        caller.get().credentialId(), caller.get().groups());
            }
            end(request, response);
            if (context.isProtected()) {
                return refuse(request, path, context, Landing.LOGIN + "?ended");
            }
            return context.doNothing();
        }
        if (context.isProtected()) {
            return refuse(request, path, context, Landing.LOGIN);
        }
        return context.doNothing();
    }

    /**
     * Payara stores a session in the data grid after the response has gone, so a browser's next request, sent at
     * once to the other node (right after signing in, say), can name a session that node cannot find yet. Sent to
     * the login page, it would get a new session and lose the real one. A browser that says it is signed in (the
     * marker cookie) and names a session this node does not know waits a moment for it instead.
     */
    private static boolean mayStillBeReplicating(HttpServletRequest request) {
        return request.getRequestedSessionId() != null
                && !request.isRequestedSessionIdValid()
                && SignedInMarker.isPresent(request);
    }

    /**
     * A session this node holds, without the sign-in the database says it has: Payara lost the attribute in
     * replicating the session ({@link SignedInSessions}). Signed in again from the database, only while the
     * account's session generation is the recorded one (a password change, a deactivation or an erasure still end
     * it). Asked only when the browser says it was signed in, so a visitor's session costs no look-up.
     */
    private Optional<SignedInCaller> restoredFromDatabase(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !SignedInMarker.isPresent(request)) {
            return Optional.empty();
        }
        try {
            return signedIn.of(session.getId()).flatMap(signIn -> {
                List<String> roles = sessions.rolesIfStands(signIn.credentialId(), signIn.generation());
                if (roles.isEmpty()) {
                    return Optional.empty();
                }
                SignedInCaller restored =
                        new SignedInCaller(String.valueOf(signIn.credentialId()), roles, signIn.generation());
                restored.keepIn(request);
                LOG.info("A replicated session had lost its sign-in on this node; signed in again from the database");
                return Optional.of(restored);
            });
        } catch (RuntimeException failure) {
            if (DatabaseOutage.isCause(failure)) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    private static Optional<SignedInCaller> awaitReplicatedSession(HttpServletRequest request) {
        for (int attempt = 0; attempt < REPLICATION_WAITS; attempt++) {
            try {
                Thread.sleep(REPLICATION_WAIT_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            Optional<SignedInCaller> caller = SignedInCaller.of(request);
            if (caller.isPresent()) {
                return caller;
            }
        }
        return Optional.empty();
    }

    /**
     * While PostgreSQL is away the session is taken as it is and the request is marked: the first filter then answers
     * "temporarily unavailable" at once, instead of this mechanism failing inside the container with a bare error or
     * the page waiting for the database a second time.
     */
    private boolean stands(HttpServletRequest request, SignedInCaller caller) {
        try {
            return sessions.stands(caller.id(), caller.generation());
        } catch (RuntimeException failure) {
            if (DatabaseOutage.isCause(failure)) {
                request.setAttribute(DatabaseOutage.ATTRIBUTE, Boolean.TRUE);
                return true;
            }
            throw failure;
        }
    }

    private static AuthenticationStatus refuse(
            HttpServletRequest request, String path, HttpMessageContext context, String loginPage) {
        if (path.startsWith("/api/")) {
            SecurityHeadersFilter.applyTo(request, context.getResponse());
            SecurityHeadersFilter.applyPolicyTo(request, context.getResponse());
            return context.responseUnauthorized();
        }
        RequestedPage.remember(request);
        return redirect(request, context, request.getContextPath() + loginPage);
    }

    /**
     * A redirect answered here, before any filter: with the portal's security headers, and without the container's
     * own "Document moved" page (which names the server).
     */
    private static AuthenticationStatus redirect(
            HttpServletRequest request, HttpMessageContext context, String location) {
        HttpServletResponse response = context.getResponse();
        SecurityHeadersFilter.applyTo(request, response);
        SecurityHeadersFilter.applyPolicyTo(request, response);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
        response.setContentLength(0);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** A session that no longer stands is gone at once, with everything in it. */
    private static void end(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyGone) {
                // ended by a parallel request of the same session
            }
        }
        SignedInMarker.clear(request, response);
    }

    private AuthenticationStatus signIn(
            HttpServletRequest request, HttpMessageContext context, CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || result.getCallerGroups().isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignedInCaller caller = new SignedInCaller(
                result.getCallerPrincipal().getName(),
                attempt.getOutcome().getGroups(),
                attempt.getOutcome().getSessionGeneration());
        caller.keepIn(request);
        return context.notifyContainerAboutLogin(caller.credentialId(), caller.groups());
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        SignedInCaller.forget(request);
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}

package se.somg.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * Who signed in on this session: the credential id and the role, nothing personal. It lives in the HTTP
 * session, which a cluster replicates, so whichever node a request reaches can re-establish the caller from it
 * ({@link PortalAuthentication}); the container's own remembered login is not relied on.
 */
public record SignedInCaller(String credentialId, String role) implements Serializable {

    static final String ATTRIBUTE = "se.somg.portal.signed-in-caller";

    Set<String> groups() {
        return Set.of(role);
    }

    static Optional<SignedInCaller> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((SignedInCaller) session.getAttribute(ATTRIBUTE));
    }

    void keepIn(HttpServletRequest request) {
        request.getSession().setAttribute(ATTRIBUTE, this);
    }

    static void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}

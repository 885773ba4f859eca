package se.somg.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.somg.portal.kernel.Role;

/**
 * Who signed in on this session: the credential id, the security roles and the account's session generation at
 * sign-in, nothing personal. It lives in the HTTP session, which a cluster replicates, so whichever node a request
 * reaches can re-establish the caller from it ({@link PortalAuthentication}); the container's own remembered login is
 * not relied on. The session stands while the generation is the account's current one ({@link Sessions}).
 */
public record SignedInCaller(String credentialId, List<String> roles, int generation) implements Serializable {

    public static final String ATTRIBUTE = "se.somg.portal.signed-in-caller";

    public SignedInCaller {
        roles = List.copyOf(roles);
    }

    Set<String> groups() {
        return new HashSet<>(roles);
    }

    long id() {
        return Long.parseLong(credentialId);
    }

    /** A staff member signed in only to enrol a second factor. */
    boolean isEnrolling() {
        return roles.equals(List.of(Role.Names.ENROLLING));
    }

    static Optional<SignedInCaller> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null
                ? Optional.empty()
                : Optional.ofNullable((SignedInCaller) session.getAttribute(ATTRIBUTE));
    }

    void keepIn(HttpServletRequest request) {
        request.getSession().setAttribute(ATTRIBUTE, this);
    }

    /** After this session itself moved the account to a new generation (a password change): it goes on. */
    static void renew(HttpServletRequest request, int generation) {
        of(request)
                .ifPresent(caller ->
                        new SignedInCaller(caller.credentialId(), caller.roles(), generation).keepIn(request));
    }

    /** After this session's staff member enrolled a first second factor: their roles from the next request on. */
    static void withRoles(HttpServletRequest request, List<String> roles) {
        of(request)
                .ifPresent(caller ->
                        new SignedInCaller(caller.credentialId(), roles, caller.generation()).keepIn(request));
    }

    /** As {@link #renew}, when this session is signed in to that account (a link opened in the same browser). */
    public static void renewIfSame(HttpServletRequest request, long credentialId, int generation) {
        of(request).filter(caller -> caller.id() == credentialId).ifPresent(caller -> renew(request, generation));
    }

    static void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}

package se.somg.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * Half signed in: the password was right, the second factor is still to come. Small and serializable, in the
 * replicated session, so the code may be typed on any node; it names the account and its session generation (a new
 * password meanwhile voids it) and lasts a few minutes. It grants nothing: the caller is not signed in.
 */
public record PendingSignIn(
        long credentialId, int generation, boolean app, boolean passkeys, boolean trustable, long expiresAtMillis)
        implements Serializable {

    static final String ATTRIBUTE = "se.somg.portal.pending-sign-in";
    static final Duration VALID_FOR = Duration.ofMinutes(5);

    static PendingSignIn of(LoginOutcome outcome, long nowMillis) {
        return new PendingSignIn(
                outcome.getCredentialId(),
                outcome.getSessionGeneration(),
                outcome.getSecondFactors().app(),
                outcome.getSecondFactors().passkeys(),
                outcome.isBrowserTrustable(),
                nowMillis + VALID_FOR.toMillis());
    }

    static Optional<PendingSignIn> of(HttpServletRequest request, long nowMillis) {
        HttpSession session = request.getSession(false);
        PendingSignIn pending = session == null ? null : (PendingSignIn) session.getAttribute(ATTRIBUTE);
        return Optional.ofNullable(pending).filter(p -> p.expiresAtMillis > nowMillis);
    }

    void keepIn(HttpServletRequest request) {
        request.getSession().setAttribute(ATTRIBUTE, this);
    }

    static void clear(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}

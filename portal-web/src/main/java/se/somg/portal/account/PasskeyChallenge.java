package se.somg.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * The challenge this session's browser was given for one passkey ceremony, kept in the replicated session (any node
 * checks the answer) and handed out once: an answer to an old, another ceremony's or a used challenge is refused.
 */
public record PasskeyChallenge(Purpose purpose, byte[] challenge, long expiresAtMillis) implements Serializable {

    static final String ATTRIBUTE = "se.somg.portal.passkey-challenge";

    public enum Purpose {
        SIGN_IN,
        SECOND_STEP,
        REGISTRATION,
        VERIFICATION
    }

    static byte[] issue(HttpServletRequest request, Purpose purpose) {
        byte[] challenge = PasskeyCeremonies.newChallenge();
        request.getSession()
                .setAttribute(
                        ATTRIBUTE,
                        new PasskeyChallenge(
                                purpose, challenge, System.currentTimeMillis() + PasskeyCeremonies.TIMEOUT_MILLIS));
        return challenge.clone();
    }

    /** The challenge, if this session was given one for this purpose that has not expired; it is used up. */
    public static Optional<byte[]> take(HttpServletRequest request, Purpose purpose) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        PasskeyChallenge kept = (PasskeyChallenge) session.getAttribute(ATTRIBUTE);
        session.removeAttribute(ATTRIBUTE);
        return Optional.ofNullable(kept)
                .filter(k -> k.purpose == purpose && k.expiresAtMillis > System.currentTimeMillis())
                .map(k -> k.challenge.clone());
    }
}

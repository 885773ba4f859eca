package se.somg.portal.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import se.somg.portal.security.TransportSecurity;

/**
 * A browser-session cookie that says "this browser was signed in". When the server session has timed out
 * but the cookie is still there, the login page can say why the person has to sign in again. Its value is the
 * sign-in's seal ({@link CallerSeal}: account number, session generation and a MAC bound to the session id), with
 * which a node whose replicated copy of the session lost the sign-in restores it from the database. No personal
 * data.
 */
public final class SignedInMarker {

    public static final String COOKIE = "portal_signed_in";

    private SignedInMarker() {}

    /** After the sign-in is in the session under its final id. */
    public static void set(HttpServletRequest request, HttpServletResponse response, CallerSeal seal) {
        SignedInCaller caller = SignedInCaller.of(request).orElseThrow();
        response.addCookie(cookie(
                request,
                seal.seal(caller.id(), caller.generation(), request.getSession().getId()),
                -1));
    }

    /** The sign-in the cookie names, if it is sealed for this session. */
    static Optional<Sealed> sealedFor(HttpServletRequest request, String sessionId, CallerSeal seal) {
        return value(request)
                .flatMap(Sealed::parse)
                .filter(signIn -> seal.verifies(signIn.value(), signIn.credentialId(), signIn.generation(), sessionId));
    }

    record Sealed(String value, long credentialId, int generation) {
        static Optional<Sealed> parse(String value) {
            String[] parts = value.split("\\.", 3);
            try {
                return parts.length == 3
                        ? Optional.of(new Sealed(value, Long.parseLong(parts[0]), Integer.parseInt(parts[1])))
                        : Optional.empty();
            } catch (NumberFormatException notASeal) {
                return Optional.empty();
            }
        }
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    public static boolean isPresent(HttpServletRequest request) {
        return value(request).isPresent();
    }

    private static Optional<String> value(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(c -> COOKIE.equals(c.getName()) && !c.getValue().isEmpty())
                        .map(Cookie::getValue)
                        .findFirst();
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(TransportSecurity.cameSecurely(request));
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}

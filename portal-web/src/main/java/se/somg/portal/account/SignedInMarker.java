package se.somg.portal.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import se.somg.portal.security.TransportSecurity;

/**
 * A browser-session cookie that says "this browser was signed in". When the server session has timed out
 * but the cookie is still there, the login page can say why the person has to sign in again. Setting it also records
 * the session's sign-in in the database ({@link SignedInSessions}), from which a node whose replicated copy of the
 * session lost the sign-in restores it. No personal data.
 */
public final class SignedInMarker {

    public static final String COOKIE = "portal_signed_in";

    private SignedInMarker() {}

    /** After the sign-in is in the session under its final id. */
    public static void set(HttpServletRequest request, HttpServletResponse response, SignedInSessions sessions) {
        SignedInCaller caller = SignedInCaller.of(request).orElseThrow();
        sessions.record(request.getSession().getId(), caller.id(), caller.generation());
        response.addCookie(cookie(request, "1", -1));
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    public static boolean isPresent(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null
                && Arrays.stream(cookies).anyMatch(c -> COOKIE.equals(c.getName()) && "1".equals(c.getValue()));
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

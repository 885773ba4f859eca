package se.somg.portal.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;

/**
 * A browser-session cookie that says "this browser was signed in". When the server session has timed out
 * but the cookie is still there, the login page can say why the person has to sign in again. It holds no
 * personal data.
 */
public final class SignedInMarker {

    public static final String COOKIE = "portal_signed_in";

    private SignedInMarker() {}

    public static void set(HttpServletRequest request, HttpServletResponse response) {
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
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}

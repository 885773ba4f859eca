package se.somg.portal.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import se.somg.portal.security.TransportSecurity;

/**
 * The {@code portal_device} cookie: a random token that marks a browser its owner has signed in with, so that
 * someone else's guessing at the password does not make the owner wait ({@link LoginGuard}). It holds no personal
 * data; the portal keeps only its hash.
 */
final class DeviceCookie {

    static final String NAME = "portal_device";
    private static final Duration LIFETIME = Duration.ofDays(180);

    private DeviceCookie() {}

    static Optional<String> of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(c -> NAME.equals(c.getName()))
                        .map(Cookie::getValue)
                        .findFirst();
    }

    static void set(HttpServletRequest request, HttpServletResponse response, String token) {
        Cookie cookie = new Cookie(NAME, token);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(TransportSecurity.cameSecurely(request));
        cookie.setMaxAge((int) LIFETIME.toSeconds());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }
}

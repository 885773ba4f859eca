package se.somg.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.net.URI;
import java.util.Optional;

/**
 * The page a visitor asked for before they were sent to the login page. The login page sends them there
 * itself, after a plain successful login: Soteria's own redirect (LoginToContinue) restores the login on the
 * next request in a way that EJB security does not see, so that first page's services refused the caller.
 * Soteria keeps the request under a documented-in-code session attribute; only a GET of a page of this
 * portal is taken, so the login can never redirect elsewhere.
 */
final class RequestedPage {

    static final String SOTERIA_ATTRIBUTE = "org.glassfish.soteria.original.request";

    private final Object saved;
    private final String path;

    private RequestedPage(Object saved, String path) {
        this.saved = saved;
        this.path = path;
    }

    /** Takes the saved request out of the session, so Soteria does not redirect by itself. */
    static Optional<RequestedPage> take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object saved = session == null ? null : session.getAttribute(SOTERIA_ATTRIBUTE);
        if (saved == null) {
            return Optional.empty();
        }
        session.removeAttribute(SOTERIA_ATTRIBUTE);
        try {
            String method = (String) saved.getClass().getMethod("getMethod").invoke(saved);
            URI url = URI.create((String) saved.getClass().getMethod("getFullRequestURL").invoke(saved));
            String context = request.getContextPath();
            String rawPath = url.getRawPath();
            if (!"GET".equalsIgnoreCase(method) || rawPath == null || !rawPath.startsWith(context + "/")
                    || rawPath.startsWith(context + "//")) {
                return Optional.empty();
            }
            String target = rawPath + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            return Optional.of(new RequestedPage(saved, target));
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Puts it back after a failed login, so the next try still returns there. */
    void restore(HttpServletRequest request) {
        request.getSession().setAttribute(SOTERIA_ATTRIBUTE, saved);
    }

    String path() {
        return path;
    }
}

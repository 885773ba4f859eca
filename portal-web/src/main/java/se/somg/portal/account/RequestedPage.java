package se.somg.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The page a visitor asked for before they were sent to the login page; the login page sends them there
 * afterwards. Only a GET of a page of this portal is kept (path and query, a plain string that replicates with
 * the session), so the login can never redirect elsewhere.
 */
final class RequestedPage {

    private static final String ATTRIBUTE = "se.somg.portal.requested-page";

    private RequestedPage() {}

    static void remember(HttpServletRequest request) {
        String context = request.getContextPath();
        String uri = request.getRequestURI();
        if (!"GET".equalsIgnoreCase(request.getMethod())
                || uri == null
                || !uri.startsWith(context + "/")
                || uri.startsWith(context + "//")
                || uri.startsWith(context + "/api/")) {
            return;
        }
        String query = request.getQueryString();
        request.getSession().setAttribute(ATTRIBUTE, uri + (query == null ? "" : "?" + query));
    }

    /** Takes the remembered page out of the session. */
    static Optional<String> take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object saved = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
        return Optional.ofNullable((String) saved);
    }

    /** Puts it back after a failed login, so the next try still returns there. */
    static void restore(HttpServletRequest request, String path) {
        request.getSession().setAttribute(ATTRIBUTE, path);
    }
}

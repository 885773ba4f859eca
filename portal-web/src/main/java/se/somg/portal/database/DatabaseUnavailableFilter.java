package se.somg.portal.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * While PostgreSQL cannot be reached, every request is answered at once with 503 and Retry-After: the
 * portal's own "temporarily unavailable" page, or problem+json on the API. Nothing was written (the
 * transaction could not commit), and the next request after the outage works again. Declared first in
 * web.xml, so it wraps every other filter.
 */
public class DatabaseUnavailableFilter extends HttpFilter {

    static final String RETRY_AFTER_SECONDS = "10";

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (Boolean.TRUE.equals(request.getAttribute(DatabaseOutage.ATTRIBUTE))) {
            // the sign-in mechanism already met the outage: no second wait for the database
            unavailable(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DatabaseOutage.isCause(failure) || response.isCommitted()) {
                throw failure;
            }
            LOG.warning(
                    "database unavailable: answered 503 (" + failure.getClass().getSimpleName() + ")");
            unavailable(request, response);
        }
    }

    static void unavailable(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        // nothing of the failed answer survives: no half-set cookie, no download header
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                            + "\"detail\":\"The portal is temporarily unavailable. Try again in a moment.\"}");
            return;
        }
        request.setAttribute(DatabaseOutage.ATTRIBUTE, Boolean.TRUE);
        request.getRequestDispatcher("/error/unavailable.xhtml").forward(request, response);
    }
}

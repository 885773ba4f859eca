package se.somg.portal.cluster;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the session from growing with every page view. Mojarra 4.0 keeps the {@code @ViewScoped} beans of the last
 * few views ({@value #VIEW_MAPS}, bounded) and, per view, a small index of those beans ({@value #VIEW_CONTEXTS}),
 * but when a view falls out of the first it never removes it from the second: the index grew by about 1.2 kB a page
 * view, without end. Payara writes and reads the whole session at every request of a distributable application,
 * so after a few hundred page views every request paid for tens of kilobytes of dead entries. After each request
 * this drops the index entries whose view is gone.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class ViewContextPruning extends HttpFilter {

    static final String VIEW_MAPS = "com.sun.faces.application.view.activeViewMaps";
    static final String VIEW_CONTEXTS = "com.sun.faces.application.view.activeViewContexts";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            HttpSession session = request.getSession(false);
            if (session != null) {
                prune(session);
            }
        }
    }

    static void prune(HttpSession session) {
        try {
            if (!(session.getAttribute(VIEW_CONTEXTS) instanceof Map<?, ?> contexts) || contexts.isEmpty()) {
                return;
            }
            Set<Object> live = new HashSet<>();
            if (session.getAttribute(VIEW_MAPS) instanceof Map<?, ?> viewMaps) {
                // a synchronized map: iterating its keys needs its lock
                synchronized (viewMaps) {
                    live.addAll(viewMaps.keySet());
                }
            }
            if (contexts.keySet().retainAll(live)) {
                // tells a replicating session manager the attribute changed
                session.setAttribute(VIEW_CONTEXTS, contexts);
            }
        } catch (IllegalStateException invalidated) {
            // the session ended during the request (logout, erasure): nothing left to prune
        }
    }
}

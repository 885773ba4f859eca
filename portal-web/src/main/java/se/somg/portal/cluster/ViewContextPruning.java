package se.somg.portal.cluster;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the session from growing with every page view. Mojarra 4.0 keeps the {@code @ViewScoped} beans of the last
 * few views ({@value #VIEW_MAPS}, bounded) and, per view, a small index of those beans ({@value #VIEW_CONTEXTS}),
 * but when a view falls out of the first it never removes it from the second: the index grew by about 1.2 kB a page
 * view, without end. Payara writes and reads the whole session at every request of a distributable application,
 * so after a few hundred page views every request paid for tens of kilobytes of dead entries. After each request
 * this drops the index entries whose view is gone.
 *
 * <p>Not at once, though: a view can fall out of the first map while a request of the same session is still
 * rendering it (more parallel page loads than views kept), and Mojarra looks its index entry up again, without a
 * lock, for each bean it creates: removed at that moment, the page failed with a NullPointerException (1 in about
 * 2,000 page views at 10 parallel connections of one session). Only requests that were already running when a view
 * was gone can still use it, so an entry is dropped once every request running on this node began after its view
 * was first seen gone ({@value #GONE_SINCE} remembers when, in the session).
 */
@WebFilter(urlPatterns = "*.xhtml")
public class ViewContextPruning extends HttpFilter {

    static final String VIEW_MAPS = "com.sun.faces.application.view.activeViewMaps";
    static final String VIEW_CONTEXTS = "com.sun.faces.application.view.activeViewContexts";
    static final String GONE_SINCE = "se.somg.portal.cluster.viewsGoneSince";

    private static final RequestsInFlight IN_FLIGHT = new RequestsInFlight();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = IN_FLIGHT.enter();
        try {
            chain.doFilter(request, response);
        } finally {
            IN_FLIGHT.leave(started);
            HttpSession session = request.getSession(false);
            if (session != null) {
                prune(session, IN_FLIGHT.oldestStart());
            }
        }
    }

    static void prune(HttpSession session, long oldestRequestRunning) {
        try {
            if (!(session.getAttribute(VIEW_CONTEXTS) instanceof Map<?, ?> contexts) || contexts.isEmpty()) {
                return;
            }
            Object known = session.getAttribute(GONE_SINCE);
            Map<Object, Long> goneSince =
                    known instanceof ConcurrentHashMap<?, ?> map ? cast(map) : new ConcurrentHashMap<>();
            boolean pruned = prune(
                    contexts,
                    session.getAttribute(VIEW_MAPS) instanceof Map<?, ?> viewMaps ? viewMaps : Map.of(),
                    goneSince,
                    System.currentTimeMillis(),
                    oldestRequestRunning);
            // tells a replicating session manager the attributes changed
            if (pruned) {
                session.setAttribute(VIEW_CONTEXTS, contexts);
            }
            if (!goneSince.isEmpty()) {
                session.setAttribute(GONE_SINCE, goneSince);
            } else if (known != null) {
                session.removeAttribute(GONE_SINCE);
            }
        } catch (IllegalStateException invalidated) {
            // the session ended during the request (logout, erasure): nothing left to prune
        }
    }

    /** Drops the index entries of views gone before the oldest running request began; true if it dropped any. */
    static boolean prune(
            Map<?, ?> contexts, Map<?, ?> viewMaps, Map<Object, Long> goneSince, long now, long oldestRequestRunning) {
        // the index first: a view is registered among the kept ones before its index entry is made, so an entry
        // read here whose view is missing from the kept views read after it is truly gone
        List<Object> indexed = new ArrayList<>(contexts.keySet());
        Set<Object> kept = new HashSet<>();
        // a synchronized map: iterating its keys needs its lock
        synchronized (viewMaps) {
            kept.addAll(viewMaps.keySet());
        }
        boolean pruned = false;
        for (Object view : indexed) {
            if (kept.contains(view)) {
                goneSince.remove(view);
            } else if (goneSince.computeIfAbsent(view, gone -> now) < oldestRequestRunning) {
                contexts.remove(view);
                goneSince.remove(view);
                pruned = true;
            }
        }
        goneSince.keySet().retainAll(contexts.keySet());
        return pruned;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Long> cast(Map<?, ?> goneSince) {
        return (Map<Object, Long>) goneSince;
    }
}

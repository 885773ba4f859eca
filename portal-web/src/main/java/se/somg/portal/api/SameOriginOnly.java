package se.somg.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Set;
import se.somg.portal.language.Messages;

/**
 * No other site can make the API act with a visitor's session. A call that changes something (any method but GET,
 * HEAD, OPTIONS) must say it comes from the portal's own pages: an {@code Origin} header naming this host (what
 * browsers send with every such request), or failing that a {@code Referer} from it. And the register extract,
 * which is recorded and counted against an hourly allowance, is not handed to a navigation started by another site.
 * The platform API is not a browser's: it takes only its bearer credential, never the session.
 */
@Provider
public class SameOriginOnly implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    private HttpServletRequest request;

    @Inject
    private Messages messages;

    @Override
    public void filter(ContainerRequestContext context) {
        if (context.getUriInfo().getPath().startsWith("platform/")) {
            // server to server with a bearer credential and no cookie: nothing a browser could be made to send
            return;
        }
        boolean safe = SAFE.contains(context.getMethod());
        String origin = context.getHeaderString("Origin");
        String referer = context.getHeaderString("Referer");
        String site = context.getHeaderString("Sec-Fetch-Site");
        boolean fromElsewhere = origin != null && !isOwn(origin)
                || origin == null && referer != null && !isOwn(referer)
                || site != null && !site.equals("same-origin") && !site.equals("none");
        boolean unnamed = origin == null && referer == null;
        boolean counted = context.getUriInfo().getPath().startsWith("me/extract");
        if (!safe && (fromElsewhere || unnamed) || safe && counted && fromElsewhere) {
            context.abortWith(Problem.response(403, "cross-origin", messages.text("api.problem.origin")));
        }
    }

    /** Same scheme, host and port as the request itself (as the browser addressed it). */
    private boolean isOwn(String address) {
        try {
            URI uri = URI.create(address);
            String host = request.getHeader("Host");
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null
                    && host.equalsIgnoreCase(authority)
                    && (uri.getScheme().equals("http") || uri.getScheme().equals("https"));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
    }
}

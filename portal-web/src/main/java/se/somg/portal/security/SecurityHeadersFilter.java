package se.somg.portal.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response. The content policy allows nothing from another host (policy §5.6: no
 * transfer outside the EU). Faces pages get the same policy from PrimeFaces (primefaces.CSP_POLICY in web.xml)
 * with the response's script nonce added: two policies would both apply and the one without the nonce would
 * block PrimeFaces' scripts.
 */
// also on the error dispatch: the container's own refusals (403 of a security constraint) are answered by the error
// page without passing the request's filters
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    /** The one policy, kept in web.xml for PrimeFaces; responses outside Faces get it without a nonce. */
    private String contentSecurityPolicy;

    static boolean holdsPersonalData(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/jakarta.faces.resource/")) {
            return false;
        }
        return path.startsWith("/customer/")
                || path.startsWith("/staff/")
                || path.startsWith("/api/me/")
                || path.startsWith("/api/staff/")
                || request.getUserPrincipal() != null
                || request.getSession(false) != null;
    }

    @Override
    public void init() {
        contentSecurityPolicy = getServletContext().getInitParameter("primefaces.CSP_POLICY");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request.getRequestURI();
        // a Faces page gets it from PrimeFaces, with the page's script nonce; a Faces resource renders no page
        if (!uri.endsWith(".xhtml") || uri.contains("/jakarta.faces.resource/")) {
            response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        }
        applyTo(request, response);
        chain.doFilter(request, response);
    }

    /**
     * The headers every response carries besides the content policy; also set by the authentication mechanism,
     * whose refusals and redirects are answered before any filter runs.
     */
    public static void applyTo(HttpServletRequest request, HttpServletResponse response) {
        // our own value keeps the container from naming itself (it adds "Server: Payara Micro" when none is set)
        response.setHeader("Server", "SOMG");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "geolocation=(), camera=(), microphone=()");
        TransportSecurity.applyTo(request, response);
        if (holdsPersonalData(request)) {
            // pages and answers about a person are kept by no cache: not the browser's, not a proxy's
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
    }

    /** The content policy of a response that renders no page (a redirect, a refusal). */
    public static void applyPolicyTo(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(
                "Content-Security-Policy", request.getServletContext().getInitParameter("primefaces.CSP_POLICY"));
    }
}

package se.somg.portal.security;

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
@WebFilter(urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

    /** The one policy, kept in web.xml for PrimeFaces; responses outside Faces get it without a nonce. */
    private String contentSecurityPolicy;

    @Override
    public void init() {
        contentSecurityPolicy = getServletContext().getInitParameter("primefaces.CSP_POLICY");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.getRequestURI().endsWith(".xhtml")) {
            response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "geolocation=(), camera=(), microphone=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}

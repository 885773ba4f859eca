package se.somg.portal.policy;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.somg.portal.account.Role;

import java.io.IOException;

/**
 * After a policy version that asks for consent again takes effect, a customer who had given one of those
 * consents sees the re-consent page first, before any other customer page (policy §12).
 */
@WebFilter(urlPatterns = "/customer/*")
public class ReconsentGate extends HttpFilter {

    static final String PAGE = "/customer/reconsent.xhtml";

    @EJB
    private PolicyService policies;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.isUserInRole(Role.Names.CUSTOMER) && path.endsWith(".xhtml") && !path.equals(PAGE)
                && !policies.pendingReconsent().isEmpty()) {
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}

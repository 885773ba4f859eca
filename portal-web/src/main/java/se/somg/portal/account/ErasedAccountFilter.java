package se.somg.portal.account;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * Ends every session of an erased account at its next request, on whichever node it lives: the erasure cannot
 * reach other sessions, so each session checks the account (one indexed look-up) before a customer page.
 */
@WebFilter(urlPatterns = {"/customer/*", "/api/me/*"})
public class ErasedAccountFilter extends HttpFilter {

    @EJB
    private AccountService accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isUserInRole(Role.Names.CUSTOMER) && !accounts.isActive()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            request.logout();
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        chain.doFilter(request, response);
    }
}

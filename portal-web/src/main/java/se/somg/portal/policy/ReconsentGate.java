package se.somg.portal.policy;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.OffsetDateTime;
import se.somg.portal.kernel.Role;

/**
 * After a policy version that asks for consent again takes effect, a customer who had given one of those
 * consents sees the re-consent page first, before any other customer page (policy §12). Once a session has
 * nothing to answer, it is not asked again until the next such version takes effect; a version that takes
 * effect at once meets the customer at their next login.
 */
@WebFilter(urlPatterns = "/customer/*")
public class ReconsentGate extends HttpFilter {

    static final String PAGE = "/customer/reconsent.xhtml";
    static final String CLEAR_UNTIL = "se.somg.portal.reconsent.clearUntil";

    @EJB
    private PolicyService policies;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.isUserInRole(Role.Names.CUSTOMER) && path.endsWith(".xhtml") && !path.equals(PAGE)) {
            HttpSession session = request.getSession();
            Long clearUntil = (Long) session.getAttribute(CLEAR_UNTIL);
            if (clearUntil == null || System.currentTimeMillis() >= clearUntil) {
                if (!policies.pendingReconsent().isEmpty()) {
                    response.sendRedirect(request.getContextPath() + PAGE);
                    return;
                }
                OffsetDateTime next = policies.nextReconsentTakingEffect();
                session.setAttribute(
                        CLEAR_UNTIL,
                        next == null ? Long.MAX_VALUE : next.toInstant().toEpochMilli());
            }
        }
        chain.doFilter(request, response);
    }
}

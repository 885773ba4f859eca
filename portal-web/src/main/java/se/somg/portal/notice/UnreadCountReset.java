package se.somg.portal.notice;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** Whatever a customer does (opening, acknowledging, consenting) may change the unread count: count it again. */
@WebFilter(urlPatterns = {"/customer/*", "/api/me/*"})
public class UnreadCountReset extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(InboxBadge.ATTRIBUTE);
            }
        }
        chain.doFilter(request, response);
    }
}

package se.somg.portal.testing;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;

/**
 * Test deployments only: how many per-view entries the caller's session holds, as "contexts maps" (the index of
 * view-scoped beans, and the views whose beans are kept), so a test can see whether the session grows with page views.
 */
@WebServlet("/test/session-contents")
public class SessionContents extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        response.setContentType("text/plain");
        response.getWriter()
                .print(size(session, "com.sun.faces.application.view.activeViewContexts") + " "
                        + size(session, "com.sun.faces.application.view.activeViewMaps"));
    }

    private static int size(HttpSession session, String attribute) {
        return session != null && session.getAttribute(attribute) instanceof Map<?, ?> map ? map.size() : 0;
    }
}

package se.somg.portal.profile;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import se.somg.portal.Refusal;

/** Serves a customer their own campaign images; anyone else's id is simply not found. */
@WebServlet("/customer/images/*")
public class CampaignImageServlet extends HttpServlet {

    @EJB
    private ProfileService profiles;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(
                    request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            CampaignImage image = profiles.image(id);
            response.setContentType(image.getContentType());
            response.setHeader("Cache-Control", "private, no-store");
            response.setContentLength(image.getContent().length);
            response.getOutputStream().write(image.getContent());
        } catch (Refusal refusal) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}

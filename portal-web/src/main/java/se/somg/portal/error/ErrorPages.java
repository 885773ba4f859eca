package se.somg.portal.error;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import se.somg.portal.api.Problem;
import se.somg.portal.language.Language;
import se.somg.portal.language.Messages;

/**
 * Every error the container answers (web.xml's error pages point here): the portal's own page in the visitor's
 * language, or {@code application/problem+json} under {@code /api}. It is a plain servlet, not a Faces page, on
 * purpose: the request that failed may be a tampered Faces form, which a Faces error page would meet again and
 * fail on (that is how the container's own page, naming the server and the exception, used to show). Nothing
 * here names the server, a class or the request.
 */
@WebServlet("/error/page")
public class ErrorPages extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

    @Inject
    private Messages messages;

    @Inject
    private Language language;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable thrown && isForged(thrown)) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            LOG.info("bad request: " + PortalExceptionHandlerFactory.kinds(thrown));
        }
        if (status >= 500 && failure instanceof Throwable thrown) {
            // the request itself is not logged: its parameters and address may be personal data
            LOG.log(Level.SEVERE, "request failed", thrown);
        }
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String path =
                uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        if (path.startsWith("/api/")) {
            response.setContentType(Problem.MEDIA_TYPE);
            if (status == 401) {
                response.setHeader("WWW-Authenticate", "Session");
            }
            response.getWriter().write(Problem.json(status, slug(status), messages.text(textKey(status)), null));
            return;
        }
        response.setContentType("text/html");
        response.setHeader("Content-Security-Policy", getServletContext().getInitParameter("primefaces.CSP_POLICY"));
        page(request, response.getWriter(), status);
    }

    /**
     * A request the portal's own pages cannot have sent: a form without this page's script nonce (PrimeFaces'
     * CSP check), or a page state that is not this session's. The sender's fault: 400, not a server error.
     */
    private static boolean isForged(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.endsWith(".CspException") || name.endsWith(".ViewExpiredException")) {
                return true;
            }
        }
        return false;
    }

    private void page(HttpServletRequest request, PrintWriter out, int status) {
        String context = request.getContextPath();
        String title = messages.text(titleKey(status));
        out.write("<!DOCTYPE html>\n<html lang=\"" + language.getCode() + "\"><head><meta charset=\"UTF-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><link rel=\"icon\" href=\"data:,\"/>"
                + "<title>" + escape(title) + " – " + escape(messages.text("app.name")) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + context
                + "/jakarta.faces.resource/css/portal.css.xhtml\"/></head>"
                + "<body><header class=\"portal-header\"><a class=\"brand\" href=\"" + context + "/\">"
                + escape(messages.text("app.name")) + "</a></header>"
                + "<main id=\"main\" class=\"portal-main\"><h1>" + escape(title) + "</h1><p>"
                + escape(messages.text(textKey(status))) + "</p><p><a href=\"" + context + "/\">"
                + escape(messages.text("error.home")) + "</a></p></main>"
                + "<footer class=\"portal-footer\"><p>" + escape(messages.text("footer.controller")) + ": "
                + "Skyonline Marketing Group AB (SOMG AB)</p></footer></body></html>");
    }

    private static String titleKey(int status) {
        return switch (status) {
            case 400 -> "error.bad-request.title";
            case 401 -> "error.sign-in.title";
            case 403 -> "error.forbidden.title";
            case 404 -> "error.not-found.title";
            case 405 -> "error.method.title";
            case 503 -> "error.unavailable.title";
            default -> status < 500 ? "error.bad-request.title" : "error.error.title";
        };
    }

    private static String textKey(int status) {
        return titleKey(status).replace(".title", ".text");
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "sign-in-required";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 503 -> "unavailable";
            default -> status < 500 ? "bad-request" : "failed";
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

package se.somg.portal.language;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code ?lang=en} or {@code ?lang=sv} on any page switches the language and the session remembers it. */
@WebFilter(urlPatterns = "*.xhtml")
public class LanguageFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String lang = languageInQuery(request.getQueryString());
        if (lang != null) {
            Language.choose(request, response, lang);
        }
        chain.doFilter(request, response);
    }

    /** Read from the query string only: reading the body here would fix its encoding too early. */
    static String languageInQuery(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("lang=")) {
                return pair.substring(5);
            }
        }
        return null;
    }
}

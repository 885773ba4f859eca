package se.somg.portal.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code /metrics} (Payara's MicroProfile Metrics endpoint, which lives in this application because it is at the
 * context root) is for the people who run the portal, not the public: it answers only a request with
 * {@code Authorization: Bearer <PORTAL_METRICS_TOKEN>}, and, with no token configured, it is not there at all (404).
 * The setting may name two tokens, comma-separated, so that the token can be changed without a moment in which the
 * monitoring is refused (docs/operations.md, "Secrets").
 */
@WebFilter(urlPatterns = {"/metrics", "/metrics/*"})
public class MetricsAccess extends HttpFilter {

    static final String TOKEN_KEY = "portal.metrics.token";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> token = ConfigProvider.getConfig()
                .getOptionalValue(TOKEN_KEY, String.class)
                .filter(t -> !t.isBlank());
        if (token.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String presented = request.getHeader("Authorization");
        if (presented == null
                || !presented.startsWith("Bearer ")
                || !anyOf(presented.substring(7).strip(), token.get())) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean anyOf(String presented, String configured) {
        boolean matched = false;
        for (String token : configured.split(",")) {
            // every token is compared, so the time of the answer does not tell which one matched
            matched |= !token.isBlank() && same(presented, token.strip());
        }
        return matched;
    }

    /** In constant time: how much of a guess was right must not show in how long the answer takes. */
    private static boolean same(String presented, String expected) {
        return MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}

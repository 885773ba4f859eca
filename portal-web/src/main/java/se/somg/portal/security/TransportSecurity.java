package se.somg.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether a request came over HTTPS, also behind a proxy that ends TLS: the proxy's {@code X-Forwarded-Proto}
 * counts only from the addresses in {@code PORTAL_TRUSTED_PROXIES} (anyone else could send the header). Such a
 * request then is secure for everything after this filter (cookies get {@code Secure}, HSTS is sent). With
 * {@code PORTAL_HTTPS_REQUIRED=true} a plain request is sent to HTTPS (or refused, when it is not a page view)
 * and the session cookie is always {@code Secure} ({@link SecureSessionCookie}); only a node's own probes are
 * answered in plain HTTP ({@link #isNodeProbe}). Declared first in web.xml.
 * The client's address is compared here, never stored or logged.
 */
public class TransportSecurity extends HttpFilter {

    static final String REQUIRED_KEY = "portal.https.required";
    static final String PROXIES_KEY = "portal.trusted-proxies";

    private static final String STRICT = "max-age=31536000; includeSubDomains";

    private boolean required;
    private String publicHost;

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        required = isRequired(config);
        publicHost = URI.create(
                        config.getOptionalValue("portal.base-url", String.class).orElse("http://localhost:8080"))
                .getRawAuthority();
    }

    /** Read once: the mechanism asks it before any filter ran, for every request. */
    private static final class TrustedProxies {
        static final Set<String> ADDRESSES = Arrays.stream(ConfigProvider.getConfig()
                        .getOptionalValue(PROXIES_KEY, String.class)
                        .orElse("")
                        .split(","))
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether the browser reached the portal over HTTPS, also where the authentication mechanism asks, before this
     * filter has told the rest: the portal's own cookies are {@code Secure} then.
     */
    public static boolean cameSecurely(HttpServletRequest request) {
        return request.isSecure() || forwardedSecure(request);
    }

    private static boolean forwardedSecure(HttpServletRequest request) {
        return TrustedProxies.ADDRESSES.contains(request.getRemoteAddr())
                && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    /**
     * HSTS on an answer that went out over HTTPS: here, and from the authentication mechanism, whose redirects and
     * refusals are answered before this filter runs (a browser ignores the header on plain HTTP).
     */
    public static void applyTo(HttpServletRequest request, HttpServletResponse response) {
        if (cameSecurely(request)) {
            response.setHeader("Strict-Transport-Security", STRICT);
        }
    }

    static boolean isRequired(Config config) {
        return config.getOptionalValue(REQUIRED_KEY, Boolean.class).orElse(false);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean forwardedSecure = forwardedSecure(request);
        boolean secure = request.isSecure() || forwardedSecure;
        switch (decide(secure, required && !isNodeProbe(request), request.getMethod())) {
            case REDIRECT -> {
                String query = request.getQueryString();
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                // the configured public address, not the Host header, which the client chooses
                response.setHeader(
                        "Location",
                        "https://" + publicHost + request.getRequestURI() + (query == null ? "" : "?" + query));
                return;
            }
            case REFUSE -> {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            default -> {}
        }
        if (secure) {
            response.setHeader("Strict-Transport-Security", STRICT);
        }
        chain.doFilter(forwardedSecure && !request.isSecure() ? new Forwarded(request) : request, response);
    }

    /**
     * The load balancer's health probes and the metrics scraper ask each node itself, over the internal network and
     * in plain HTTP: redirected to the public HTTPS address they would reach some other node, or no node at all, and
     * a healthy node would be taken out of service. Neither answers anything personal.
     */
    static boolean isNodeProbe(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // exactly these addresses: nothing encoded or relative that could lead elsewhere
        return !path.contains("%")
                && !path.contains("/.")
                && (path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics"));
    }

    enum Decision {
        SERVE,
        REDIRECT,
        REFUSE
    }

    static Decision decide(boolean secure, boolean required, String method) {
        if (secure || !required) {
            return Decision.SERVE;
        }
        return "GET".equals(method) || "HEAD".equals(method) ? Decision.REDIRECT : Decision.REFUSE;
    }

    /** The request as the browser made it: over HTTPS, to the standard port. */
    private static final class Forwarded extends HttpServletRequestWrapper {

        Forwarded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getScheme() {
            return "https";
        }

        @Override
        public int getServerPort() {
            return 443;
        }
    }
}

package se.somg.portal.devdb;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser session at the HTTP level: its own cookies, which hold for every node on 127.0.0.1, so
 * a request may go to any node of a cluster. Faces forms are read from the page and posted back as a browser
 * would, with their view state and hidden fields.
 */
public final class WebSession {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w[\\w-]*)=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("<script[^>]*\\bnonce=\"([^\"]+)\"");

    /** The page that asks for the second factor after a right password. */
    public static final String SECOND_STEP = "/login-verify.xhtml";

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public WebSession() {
        // HTTP/1.1 as a browser speaks it over plain http (browsers never upgrade to h2c)
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public HttpResponse<String> get(String base, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Accept-Language", "en")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GETs a page, following redirects on the same base, as a browser would. */
    public HttpResponse<String> open(String base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(base, path);
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            response =
                    get(base, relative(response.headers().firstValue("Location").orElseThrow()));
        }
        return response;
    }

    /** Posts the named form of {@code page} with some fields changed and one button pressed, to {@code base}. */
    public HttpResponse<String> submit(
            String base, Page page, String formId, Map<String, String> changes, String button)
            throws IOException, InterruptedException {
        HttpResponse<String> response = post(base, page, formId, changes, button);
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            response =
                    get(base, relative(response.headers().firstValue("Location").orElseThrow()));
        }
        return response;
    }

    /** As {@link #submit}, answering the response to the post itself (a redirect is not followed). */
    public HttpResponse<String> post(String base, Page page, String formId, Map<String, String> changes, String button)
            throws IOException, InterruptedException {
        Map<String, String> fields = page.form(formId);
        fields.putAll(changes);
        if (button != null) {
            fields.put(button, "");
        }
        fields.values().removeIf(java.util.Objects::isNull);
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + page.path()))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", base)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends any request with this session's cookies: for tests that speak to the API as a client of their own. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a JSON body to an API path with this session's cookies, from the portal's own origin. */
    public HttpResponse<String> postJson(String base, String path, String json)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("Origin", base)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the login page; answers the page the portal lands on. */
    public HttpResponse<String> logIn(String base, String email, String password)
            throws IOException, InterruptedException {
        return logIn(base, email, password, null);
    }

    /**
     * Signs in, and when the portal asks for a second factor after the password, types the code {@code code} gives at
     * that moment (a staff member's authenticator app); answers the page the portal lands on.
     */
    public HttpResponse<String> logIn(String base, String email, String password, Supplier<String> code)
            throws IOException, InterruptedException {
        HttpResponse<String> login = open(base, "/login.xhtml?lang=en");
        HttpResponse<String> landed = submit(
                base,
                new Page("/login.xhtml", login.body()),
                "login",
                Map.of("login:email", email, "login:password", password),
                "login:submit");
        if (code == null || !landed.uri().getPath().endsWith(SECOND_STEP)) {
            return landed;
        }
        return submit(
                base, new Page(SECOND_STEP, landed.body()), "code", Map.of("code:value", code.get()), "code:verify");
    }

    /** The Cookie header this session sends to {@code base}, for a client of a test's own. */
    public String cookieHeader(String base) {
        return cookies.getCookieStore().get(URI.create(base)).stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    public Page page(String base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = open(base, path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return new Page(response.uri().getPath(), response.body());
    }

    private static String relative(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A page as served, with the forms on it. */
    public record Page(String path, String html) {

        /** The form's fields as a browser would send them without changes (buttons excluded). */
        public Map<String, String> form(String formId) {
            int start = html.indexOf("<form id=\"" + formId + "\"");
            if (start < 0) {
                throw new IllegalStateException("no form " + formId + " on " + path);
            }
            String form = html.substring(start, html.indexOf("</form>", start));
            Map<String, String> fields = new LinkedHashMap<>();
            // PrimeFaces' script adds the page's CSP nonce to every form it submits
            Matcher nonce = NONCE.matcher(html);
            if (nonce.find()) {
                fields.put("primefaces.nonce", nonce.group(1));
            }
            Matcher input = INPUT.matcher(form);
            while (input.find()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                Matcher attribute = ATTRIBUTE.matcher(input.group());
                while (attribute.find()) {
                    attributes.put(attribute.group(1).toLowerCase(), unescape(attribute.group(2)));
                }
                String type = attributes.getOrDefault("type", "text");
                String name = attributes.get("name");
                if (name == null
                        || type.equals("submit")
                        || type.equals("button")
                        || (type.equals("checkbox") || type.equals("radio"))
                                && !input.group().contains("checked")) {
                    continue;
                }
                fields.put(name, attributes.getOrDefault("value", type.equals("checkbox") ? "on" : ""));
            }
            return fields;
        }

        /** The name of the button with this label in the form. */
        public String button(String formId, String label) {
            int start = html.indexOf("<form id=\"" + formId + "\"");
            String form = html.substring(start, html.indexOf("</form>", start));
            Matcher button = Pattern.compile(
                            "<button[^>]*name=\"([^\"]+)\"[^>]*>(?:(?!</button>).)*?" + Pattern.quote(label),
                            Pattern.DOTALL)
                    .matcher(form);
            if (!button.find()) {
                throw new IllegalStateException("no button " + label + " in " + formId + " on " + path);
            }
            return button.group(1);
        }

        private static String unescape(String value) {
            return value.replace("&quot;", "\"")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&");
        }
    }
}

package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.somg.portal.demo.DemoUser;
import se.somg.portal.devdb.DevDatabase;
import se.somg.portal.devdb.WebSession;

/**
 * The EAR on a full Payara Server: a domain of its own on free ports, PostgreSQL given through the
 * environment, deploy, and the login page must answer.
 */
class EarOnPayaraServerIT {

    private static final String DOMAIN = "portal-ear-it";
    /** The offsets a domain made with --portbase listens on: admin, HTTP, HTTPS, IIOP (3), JMS, JMX, OSGi shell. */
    private static final int[] PORT_OFFSETS = {48, 80, 81, 37, 38, 39, 76, 86, 66};

    private static int portBase;
    private static int adminPort;
    private static int httpPort;

    private static final Path PAYARA = Path.of(System.getProperty("payara.home"));
    private static final File EAR = new File(System.getProperty("portal.ear"));

    private static DevDatabase database;
    private static Map<String, String> environment;

    @BeforeAll
    static void deploy() throws Exception {
        String url = System.getenv("PORTAL_TEST_DB_URL");
        database = url == null
                ? DevDatabase.startEmbedded(null)
                : DevDatabase.external(
                        url, env("PORTAL_TEST_DB_USER", "postgres"), env("PORTAL_TEST_DB_PASSWORD", "postgres"));
        String portalDb = database.ensureDatabase("portal_ear_test_" + System.currentTimeMillis());
        environment = Map.of(
                "PORTAL_DB_URL",
                portalDb,
                "PORTAL_DB_USER",
                database.user(),
                "PORTAL_DB_PASSWORD",
                database.password(),
                "PORTAL_DEMO_DATA",
                "true");

        // A fresh domain on ports nothing else holds: a server left running by an earlier, interrupted build
        // must not make start-domain wait for a port it can never have.
        portBase = freePortBase();
        adminPort = portBase + 48;
        httpPort = portBase + 80;
        Path domain = PAYARA.resolve("glassfish/domains/" + DOMAIN);
        if (Files.isDirectory(domain)) {
            try {
                asadmin(120, "stop-domain", "--kill=true", DOMAIN);
            } catch (IllegalStateException notRunning) {
                System.out.println("[ear-it] the old domain was not running: " + notRunning.getMessage());
            }
            asadmin(120, "delete-domain", DOMAIN);
        }
        asadmin(120, "create-domain", "--nopassword=true", "--portbase", String.valueOf(portBase), DOMAIN);
        asadmin(360, "start-domain", DOMAIN);
        asadmin(300, "--port", String.valueOf(adminPort), "deploy", "--force=true", EAR.getAbsolutePath());
    }

    private static int freePortBase() {
        for (int base = 28000; base < 40000; base += 1000) {
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("no port base from 28000 to 39000 has all of a domain's ports free");
    }

    private static boolean allFree(int base) {
        for (int offset : PORT_OFFSETS) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress(base + offset));
            } catch (IOException taken) {
                System.out.println("[ear-it] port " + (base + offset) + " is taken, trying another port base");
                return false;
            }
        }
        return true;
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (adminPort != 0) {
                asadmin(120, "stop-domain", DOMAIN);
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void theLoginPageAnswers() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/login.xhtml?lang=en"))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        assertTrue(login.body().contains("Log in"), login.body());
        assertTrue(login.body().contains("E-mail"));

        HttpResponse<String> root = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
    }

    /**
     * The passkey library reads an authenticator's answer with Jackson 3, whose annotations must be the EAR's, not
     * Payara Server's older ones: an answer that is no passkey's is refused with the login page's message (a mix of
     * the two failed with NoSuchMethodError, a 500).
     */
    @Test
    void aPasskeyAnswerIsReadWithTheEarsOwnLibraries() throws Exception {
        String base = "http://localhost:" + httpPort;
        WebSession visitor = new WebSession();
        WebSession.Page login = visitor.page(base, "/login.xhtml?lang=en");
        HttpResponse<String> options = visitor.send(HttpRequest.newBuilder(URI.create(base + "/api/passkeys/sign-in"))
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, options.statusCode(), options.body());
        assertTrue(options.body().contains("\"challenge\""), options.body());
        String forged = "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"clientExtensionResults\":{},"
                + "\"response\":{\"clientDataJSON\":\"e30\",\"authenticatorData\":\"AAAA\",\"signature\":\"AAAA\"}}";
        HttpResponse<String> answer = visitor.submit(
                base, login, "passkeyLogin", Map.of("passkeyLogin:response", forged), "passkeyLogin:submit");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("The passkey did not sign you in"), answer.body());
    }

    @Test
    void aCustomerPageNeedsALogin() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> dashboard = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/customer/dashboard.xhtml"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, dashboard.statusCode());
        assertTrue(dashboard.headers().firstValue("Location").orElse("").contains("/login.xhtml"));
    }

    /**
     * Four sessions of two customers, two parallel streams each as a browser makes: every answer is the page
     * itself (no random 403 "Not allowed"), and never the other customer's.
     */
    @Test
    void parallelSessionsAlwaysGetTheirOwnPages() throws Exception {
        String base = "http://localhost:" + httpPort;
        Map<String, String> people = Map.of(
                DemoUser.ANNA.email(), DemoUser.ANNA.password(), DemoUser.BERTIL.email(), DemoUser.BERTIL.password());
        List<String> pages = List.of(
                "/customer/dashboard.xhtml",
                "/customer/profile.xhtml",
                "/customer/consents.xhtml",
                "/customer/notifications.xhtml",
                "/api/me/notices");
        java.util.concurrent.ConcurrentLinkedQueue<String> failures =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> streams = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            for (Map.Entry<String, String> person : people.entrySet()) {
                WebSession session = new WebSession();
                assertTrue(session.logIn(base, person.getKey(), person.getValue())
                        .uri()
                        .getPath()
                        .startsWith("/customer/"));
                String other = people.keySet().stream()
                        .filter(e -> !e.equals(person.getKey()))
                        .findFirst()
                        .orElseThrow();
                for (int stream = 0; stream < 2; stream++) {
                    streams.add(pool.submit(() -> {
                        for (int i = 0; i < 60; i++) {
                            String page = pages.get(i % pages.size());
                            HttpResponse<String> response = session.get(base, page);
                            if (response.statusCode() != 200 || response.body().contains(other)) {
                                failures.add(person.getKey() + " " + page + ": " + response.statusCode());
                            }
                        }
                        return null;
                    }));
                }
            }
        }
        for (java.util.concurrent.Future<?> stream : streams) {
            stream.get();
        }
        pool.shutdown();
        assertTrue(
                failures.isEmpty(),
                failures.size() + " of 480 went wrong: "
                        + failures.stream().limit(10).toList());
    }

    private static void asadmin(int timeoutSeconds, String... arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", PAYARA.resolve("bin/asadmin").toString()));
        command.addAll(List.of(arguments));
        // Output to a file: the server that start-domain leaves running must not hold a pipe of ours open.
        File log = File.createTempFile("asadmin", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " timed out after "
                    + timeoutSeconds + " s; it printed: " + Files.readString(log.toPath(), StandardCharsets.UTF_8)
                    + "\nend of the server log:\n" + serverLogTail());
        }
        String text = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        System.out.println("[asadmin " + arguments[arguments.length - 1] + "] " + text);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed: " + text);
        }
    }

    private static String serverLogTail() throws IOException {
        Path serverLog = PAYARA.resolve("glassfish/domains/" + DOMAIN + "/logs/server.log");
        if (!Files.exists(serverLog)) {
            return "(no server.log)";
        }
        List<String> lines = Files.readAllLines(serverLog, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}

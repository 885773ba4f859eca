package se.somg.portal.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A platform's webhook, as a platform would run it: checks each signature as the Standard Webhooks specification
 * says (its own code, not the portal's), answers 500 while {@link #failures} lasts, takes {@link #delayMillis} per
 * request, and keeps each event once by its {@code webhook-id}, in the order first received.
 */
public final class PlatformReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final AtomicInteger failures = new AtomicInteger();
    public final AtomicInteger refused = new AtomicInteger();
    public final AtomicInteger received = new AtomicInteger();
    public final List<String> badSignatures = new CopyOnWriteArrayList<>();
    public volatile String secret;
    public volatile String token;
    public volatile long delayMillis;

    private final HttpServer server;
    private final Map<String, JsonNode> byId = new LinkedHashMap<>();

    public PlatformReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            received.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            int status;
            if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                refused.incrementAndGet();
                status = 500;
            } else if (!expected(id, timestamp, body).equals(signature)) {
                badSignatures.add(id);
                status = 400;
            } else {
                synchronized (byId) {
                    byId.putIfAbsent(id, JSON.readTree(body));
                }
                status = 204;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    private String expected(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            return "unverifiable: " + e;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Each event once, in the order first received. */
    public List<JsonNode> events() {
        synchronized (byId) {
            return new ArrayList<>(byId.values());
        }
    }

    public List<String> ids() {
        synchronized (byId) {
            return new ArrayList<>(byId.keySet());
        }
    }

    public List<String> types() {
        return events().stream().map(event -> event.path("type").asText()).toList();
    }

    public List<String> typesFor(String reference) {
        return events().stream()
                .filter(event -> event.path("subject").asText().equals(reference))
                .map(event -> event.path("type").asText())
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

import se.somg.portal.devdb.WebSession;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A crowd of customers, as real browsers: all log in at the same moment, then each walks the customer pages
 * until the time is up. A login answered "busy" (503) is tried again after its Retry-After, as a person would.
 * Prints one line of figures; the caller compares them with an idle page view measured in the same run.
 *
 * java -cp portal-devdb.jar bench/CustomerCrowd.java BASE USERS SECONDS EMAIL_PATTERN PASSWORD
 * java -cp portal-devdb.jar bench/CustomerCrowd.java cookie BASE EMAIL PASSWORD   (prints a signed-in Cookie header)
 */
public class CustomerCrowd {

    static final List<String> PAGES = List.of("/customer/dashboard.xhtml", "/customer/profile.xhtml",
            "/customer/preferences.xhtml", "/customer/consents.xhtml", "/customer/notifications.xhtml",
            "/customer/requests.xhtml", "/customer/extract.xhtml");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("cookie")) {
            WebSession session = new WebSession();
            session.logIn(args[1], args[2], args[3]);
            System.out.println(session.cookieHeader(args[1]));
            return;
        }
        String base = args[0];
        int users = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        String pattern = args[3];
        String password = args[4];

        List<Long> views = Collections.synchronizedList(new ArrayList<>());
        ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        AtomicInteger logins = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        long[] loginsDoneAt = new long[users];
        List<Thread> threads = new ArrayList<>();
        long[] startedAt = new long[1];
        for (int u = 0; u < users; u++) {
            int user = u;
            Thread thread = new Thread(() -> {
                WebSession session = new WebSession();
                try {
                    start.await();
                    long deadline = startedAt[0] + seconds * 1_000_000_000L;
                    boolean in = false;
                    while (!in && System.nanoTime() < deadline) {
                        HttpResponse<String> landed = session.logIn(base, pattern.replace("N", String.valueOf(user + 1)), password);
                        if (landed.statusCode() == 200 && landed.uri().getPath().startsWith("/customer/")) {
                            in = true;
                            logins.incrementAndGet();
                            loginsDoneAt[user] = System.nanoTime();
                        } else if (landed.statusCode() == 503) {
                            busy.incrementAndGet();
                            Thread.sleep(1000L * Long.parseLong(landed.headers().firstValue("Retry-After").orElse("1")));
                        } else {
                            errors.computeIfAbsent("login " + landed.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                            return;
                        }
                    }
                    for (int i = user; System.nanoTime() < deadline; i++) {
                        String page = PAGES.get(i % PAGES.size());
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = session.get(base, page);
                        long took = System.nanoTime() - t0;
                        if (response.statusCode() == 200) {
                            views.add(took);
                        } else {
                            errors.computeIfAbsent(page + " " + response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    // the message says which page failed and how (a status, a missing form)
                    errors.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(), k -> new AtomicInteger()).incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        startedAt[0] = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long lastLogin = 0;
        for (long at : loginsDoneAt) {
            lastLogin = Math.max(lastLogin, at);
        }
        List<Long> sorted = new ArrayList<>(views);
        Collections.sort(sorted);
        int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
        double loginSeconds = (lastLogin - startedAt[0]) / 1e9;
        System.out.printf("users=%d logins=%d busy_answers=%d all_logged_in_after_s=%.1f logins_per_s=%.1f views=%d views_per_s=%.1f"
                        + " p50_ms=%.1f p95_ms=%.1f errors=%d %s%n",
                users, logins.get(), busy.get(), loginSeconds, logins.get() / Math.max(loginSeconds, 0.001), sorted.size(),
                sorted.size() / (double) seconds, percentile(sorted, 50), percentile(sorted, 95), errorCount, errors);
    }

    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1)) / 1e6;
    }
}

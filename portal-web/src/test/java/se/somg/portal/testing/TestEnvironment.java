package se.somg.portal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import se.somg.portal.devdb.DevDatabase;
import se.somg.portal.devdb.DevMailServer;

/**
 * Gives the integration-test run a fresh database and a real SMTP server before Arquillian starts Payara
 * Micro: the database on the server in PORTAL_TEST_DB_URL when set, else on an embedded PostgreSQL started
 * for the run; the SMTP server is GreenMail in this JVM, so tests read the mail that arrived. Micro learns
 * both through the adapter's {@code payara.cmdOptions}.
 */
public class TestEnvironment implements LauncherSessionListener {

    /** The bearer token /metrics of the portal under test answers to. */
    public static final String METRICS_TOKEN = "test-metrics-token";

    private static DevMailServer mail;

    private DevDatabase server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("portal.it") || System.getProperty("payara.cmdOptions") != null) {
            return;
        }
        try {
            String url = System.getenv("PORTAL_TEST_DB_URL");
            server = url == null
                    ? DevDatabase.startEmbedded(null)
                    : DevDatabase.external(
                            url, env("PORTAL_TEST_DB_USER", "postgres"), env("PORTAL_TEST_DB_PASSWORD", "postgres"));
            String name =
                    "portal_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS"));
            String database = server.ensureDatabase(name);
            System.setProperty("portal.test.db.url", database);
            System.setProperty("portal.test.db.user", server.user());
            System.setProperty("portal.test.db.password", server.password());
            mail = DevMailServer.start(0);
            System.setProperty(
                    "payara.cmdOptions",
                    String.join(
                            " ",
                            "-Dportal.smtp.host=127.0.0.1",
                            "-Dportal.smtp.port=" + mail.port(),
                            "-Dportal.mail.retry-seconds=2",
                            "-Dportal.webhook.retry-seconds=1",
                            "-Dportal.webhook.allow-internal=true",
                            "-Xmx768m",
                            "-Dportal.db.url=" + database,
                            "-Dportal.db.user=" + server.user(),
                            "-Dportal.db.password=" + server.password(),
                            "-Dportal.demo-data=true",
                            "-Dportal.metrics.token=" + METRICS_TOKEN));
            System.out.println("[tests] PostgreSQL database for this run: " + database
                    + (server.isEmbedded() ? " (embedded)" : ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database", e);
        }
    }

    /** The SMTP server the portal under test sends to. */
    public static DevMailServer mail() {
        if (mail == null) {
            throw new IllegalStateException("no test mail server: run through failsafe (portal.it=true)");
        }
        return mail;
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (mail != null) {
            mail.close();
        }
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("[tests] stopping PostgreSQL: " + e);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}

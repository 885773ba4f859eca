package se.somg.portal.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import se.somg.portal.devdb.DevDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Gives the integration-test run a fresh database before Arquillian starts Payara Micro: on the server in
 * PORTAL_TEST_DB_URL when set, else on an embedded PostgreSQL started for the run. Micro learns it through
 * the adapter's {@code payara.cmdOptions}.
 */
public class TestDatabaseSession implements LauncherSessionListener {

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
                    : DevDatabase.external(url, env("PORTAL_TEST_DB_USER", "postgres"), env("PORTAL_TEST_DB_PASSWORD", "postgres"));
            String name = "portal_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS"));
            String database = server.ensureDatabase(name);
            System.setProperty("portal.test.db.url", database);
            System.setProperty("portal.test.db.user", server.user());
            System.setProperty("portal.test.db.password", server.password());
            System.setProperty("payara.cmdOptions", String.join(" ",
                    "-Xmx768m",
                    "-Dportal.db.url=" + database,
                    "-Dportal.db.user=" + server.user(),
                    "-Dportal.db.password=" + server.password(),
                    "-Dportal.demo-data=true"));
            System.out.println("[tests] PostgreSQL database for this run: " + database
                    + (server.isEmbedded() ? " (embedded)" : ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
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

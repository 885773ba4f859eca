package se.somg.portal.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server for the places where none is configured: the newcomer's run command and
 * the test run. It is either the embedded one (zonky, binaries from Maven Central) or a server
 * given by URL; either way the portal gets a database of its own on it.
 */
public final class DevDatabase implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private EmbeddedPostgres embedded;
    private final Path dataDirectory;
    private final String serverUrl;
    private final String user;
    private final String password;

    private DevDatabase(EmbeddedPostgres embedded, Path dataDirectory, String serverUrl, String user, String password) {
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts the embedded server. With a data directory the data survives restarts and power cuts (every
     * commit is flushed to disk: the embedded server's defaults, fsync off and asynchronous commit, are
     * for throw-away test data); without one it lives in a temporary directory that is removed on close.
     */
    public static DevDatabase startEmbedded(Path dataDirectory) throws IOException {
        EmbeddedPostgres postgres = builder(dataDirectory, 0).start();
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        return new DevDatabase(postgres, dataDirectory, url, "postgres", "postgres");
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory);
            builder.setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // after the launcher's own -F: the later setting wins
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    /** Stops the embedded server, keeping its data directory, as an outage would. */
    public void stop() throws IOException {
        requireRestartable();
        embedded.close();
    }

    /** Starts the embedded server again, on the same port and data. */
    public void restart() throws IOException {
        requireRestartable();
        embedded = builder(dataDirectory, embedded.getPort()).start();
    }

    private void requireRestartable() {
        if (embedded == null || dataDirectory == null) {
            throw new IllegalStateException("only an embedded server with a data directory can be stopped and started");
        }
    }

    /** Uses a server that is already running; {@code serverUrl} names any database the user may connect to. */
    public static DevDatabase external(String serverUrl, String user, String password) {
        return new DevDatabase(null, null, Objects.requireNonNull(serverUrl), user, password);
    }

    /** Creates the database unless it exists and returns its JDBC URL. */
    public String ensureDatabase(String name) throws SQLException {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + name);
                    }
                }
            }
        }
        return urlOf(name);
    }

    public String urlOf(String database) {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String params = query < 0 ? "" : serverUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}

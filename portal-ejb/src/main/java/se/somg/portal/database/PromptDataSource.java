package se.somg.portal.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL's data source, with every connection waiting at most {@value #ANSWER_MILLIS} ms for any answer and at most
 * {@value #CONNECT_MILLIS} ms to be made. A database that hangs (a network partition, a stuck failover) keeps its
 * connections open and says nothing, so only the client can notice; the driver's own time-outs count in whole seconds,
 * and a request that meets a hung database may first wait for the pool's check of an old connection and then for a
 * new connection: both must fit in the two seconds a person is promised an answer in (docs/operations.md, "A bad
 * night").
 */
public class PromptDataSource extends PGSimpleDataSource {

    /** Longer than the statement limit the server enforces itself (600 ms), so a slow statement is cancelled there. */
    public static final int ANSWER_MILLIS = 700;

    public static final int CONNECT_MILLIS = 600;

    private static final ExecutorService CONNECTING = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "portal-db-connect");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public Connection getConnection() throws SQLException {
        return prompt(super::getConnection);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return prompt(() -> super.getConnection(user, password));
    }

    private static Connection prompt(Callable<Connection> connecting) throws SQLException {
        Future<Connection> made = CONNECTING.submit(connecting);
        Connection connection;
        try {
            connection = made.get(CONNECT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException hung) {
            // the connection, if it is ever made, is closed at once; the caller is told now
            CONNECTING.submit(() -> {
                try {
                    made.get().close();
                } catch (Exception ignored) {
                    // it never came
                }
                return null;
            });
            throw new SQLTransientConnectionException("PostgreSQL did not answer in time", "08001");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLTransientConnectionException("PostgreSQL could not be reached", "08001", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while connecting", "08001", interrupted);
        }
        connection.setNetworkTimeout(Runnable::run, ANSWER_MILLIS);
        return connection;
    }
}

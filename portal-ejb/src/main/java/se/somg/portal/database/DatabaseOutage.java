package se.somg.portal.database;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a failure because PostgreSQL cannot be reached (stopped, restarting, refusing, or every pooled
 * connection busy past the wait) from any other failure: only the first kind is "temporarily unavailable".
 */
public final class DatabaseOutage {

    /** Set on a request answered with the unavailable page, so that page asks nothing of the database. */
    public static final String ATTRIBUTE = "se.somg.portal.database-unavailable";

    private DatabaseOutage() {}

    public static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = next(t)) {
            if (t instanceof SQLException sql && isConnectionState(sql)) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.endsWith(".PoolingException") || name.equals("jakarta.resource.spi.ResourceAllocationException")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && isCause(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01 to 57P03 (shutting down, cannot connect now) and 57014 (the
     * statement ran past the portal's limit: a database too slow to answer in time is, for the person waiting,
     * unavailable).
     */
    private static boolean isConnectionState(SQLException sql) {
        String state = sql.getSQLState();
        return sql instanceof java.sql.SQLTransientConnectionException
                || sql instanceof java.sql.SQLNonTransientConnectionException
                || state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("57014"));
    }

    private static Throwable next(Throwable t) {
        if (t.getCause() != null) {
            return t.getCause();
        }
        if (t instanceof jakarta.servlet.ServletException servlet) {
            return servlet.getRootCause();
        }
        if (t instanceof jakarta.ejb.EJBException ejb) {
            return ejb.getCausedByException();
        }
        return null;
    }
}

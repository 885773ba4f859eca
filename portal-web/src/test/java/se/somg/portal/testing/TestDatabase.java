package se.somg.portal.testing;

import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import se.somg.portal.demo.DemoUser;

/**
 * The portal's database as a test outside the server sees it (JDBC): to make the accounts a test needs and to
 * check what a request changed. Ids start far above the portal's own sequences, so they never meet.
 */
public final class TestDatabase {

    private static final AtomicLong NEXT_ID = new AtomicLong(90_000_000L + (System.nanoTime() % 1_000_000L) * 10);

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("portal.test.db.url"),
                System.getProperty("portal.test.db.user"),
                System.getProperty("portal.test.db.password"));
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row, as text; null when there is no row or the value is null. */
    public String query(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls the query until it answers the expected text, as a person would look again. */
    public void await(Duration timeout, String sql, String expected) {
        Awaitility.await(sql).atMost(timeout).until(() -> query(sql), is(expected));
    }

    /** A confirmed customer whose contract ended five years ago: past any retention period. @return customer id */
    public long dueFormerCustomer(String familyName) throws SQLException {
        long id = NEXT_ID.incrementAndGet();
        execute("""
                INSERT INTO credential (id, email, password_hash, kind, failed_attempts, created_at, confirmed_at, version)
                VALUES (%1$d, 'former.%1$d@example.com', 'x', 'CUSTOMER', 0, now(), now(), 0);
                INSERT INTO customer (id, credential_id, given_name, family_name, platform, collected_through, created_at,
                                      preferred_language, contract_ended_at, version)
                VALUES (%1$d, %1$d, 'Före', '%2$s', 'SOMG_SE', 'CONTRACT', now() - interval '8 years', 'sv',
                        now() - interval '5 years', 0);""".formatted(id, familyName.replace("'", "''")));
        return id;
    }

    /** The password of every account {@link #customer} makes: Bertil's demo password (his hash is copied). */
    public static final String PASSWORD = DemoUser.BERTIL.password();

    /** A confirmed customer of a test's own, with {@link #PASSWORD}. @return the e-mail address */
    public String customer(String givenName) throws SQLException {
        long id = NEXT_ID.incrementAndGet();
        String email = "test." + id + "@example.com";
        execute("""
                INSERT INTO credential (id, email, password_hash, kind, failed_attempts, created_at, confirmed_at, version)
                SELECT %1$d, '%2$s', password_hash, 'CUSTOMER', 0, now(), now(), 0 FROM credential
                WHERE email = 'bertil.berg@example.com';
                INSERT INTO customer (id, credential_id, given_name, family_name, platform, collected_through, created_at,
                                      preferred_language, version)
                VALUES (%1$d, %1$d, '%3$s', 'Testsson', 'SOMG_SE', 'CONTRACT', now() - interval '1 day', 'en', 0);
                INSERT INTO contact_preference (id, customer_id, channel, kind, enabled)
                SELECT %1$d::bigint * 100 + row_number() OVER (), %1$d, channel, kind, enabled FROM contact_preference
                WHERE customer_id = (SELECT c.id FROM customer c JOIN credential cr ON cr.id = c.credential_id
                                     WHERE cr.email = 'bertil.berg@example.com');""".formatted(id, email, givenName.replace("'", "''")));
        return email;
    }

    public long credentialOfCustomer(long customerId) {
        return Long.parseLong(query("SELECT credential_id FROM customer WHERE id = " + customerId));
    }
}

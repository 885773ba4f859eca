package se.somg.portal.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import se.somg.portal.database.SchemaMigration;

/**
 * A registration whose address was never confirmed is not an account: after {@link #KEPT} it is removed with
 * everything written for it (the consent given at registration, preferences, sources, links and mail). Anyone can
 * register any address, so keeping them would keep personal data nobody confirmed was theirs.
 */
@Stateless
@PermitAll
public class UnconfirmedRegistrations {

    /** The confirmation link lasts 24 hours; a week later nobody can still confirm. */
    static final Duration KEPT = Duration.ofDays(7);

    private static final String DUE = """
            SELECT c.id, cr.id FROM credential cr JOIN customer c ON c.credential_id = cr.id
            WHERE cr.confirmed_at IS NULL AND cr.created_at < ? LIMIT 1000""";

    private static final List<String> BY_CUSTOMER = List.of(
            "DELETE FROM consent WHERE customer_id = ANY(?)",
            "DELETE FROM consent_event WHERE customer_id = ANY(?)",
            "DELETE FROM contact_preference WHERE customer_id = ANY(?)",
            "DELETE FROM datum_source WHERE customer_id = ANY(?)",
            "DELETE FROM rectification WHERE customer_id = ANY(?)",
            "DELETE FROM interest WHERE customer_id = ANY(?)",
            "DELETE FROM campaign_image WHERE customer_id = ANY(?)",
            "DELETE FROM notice_receipt WHERE customer_id = ANY(?)",
            "DELETE FROM notice_mailing WHERE customer_id = ANY(?)",
            "UPDATE audit_event SET detail = NULL, customer_id = NULL WHERE customer_id = ANY(?)",
            "DELETE FROM customer WHERE id = ANY(?)");

    private static final List<String> BY_CREDENTIAL = List.of(
            "DELETE FROM account_token WHERE credential_id = ANY(?)",
            "DELETE FROM outbox_message WHERE credential_id = ANY(?)",
            "DELETE FROM trusted_device WHERE credential_id = ANY(?)",
            "DELETE FROM credential WHERE id = ANY(?) AND confirmed_at IS NULL");

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    /** @return how many unconfirmed registrations were removed (at most 1,000 a call) */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int removeExpired() {
        try (Connection connection = dataSource.getConnection()) {
            List<Long> customers = new ArrayList<>();
            List<Long> credentials = new ArrayList<>();
            try (PreparedStatement due = connection.prepareStatement(DUE)) {
                due.setTimestamp(1, Timestamp.from(clock.instant().minus(KEPT)));
                try (ResultSet rows = due.executeQuery()) {
                    while (rows.next()) {
                        customers.add(rows.getLong(1));
                        credentials.add(rows.getLong(2));
                    }
                }
            }
            if (customers.isEmpty()) {
                return 0;
            }
            run(connection, BY_CUSTOMER, connection.createArrayOf("bigint", customers.toArray()));
            run(connection, BY_CREDENTIAL, connection.createArrayOf("bigint", credentials.toArray()));
            return customers.size();
        } catch (SQLException e) {
            throw new IllegalStateException("removing unconfirmed registrations failed", e);
        }
    }

    private static void run(Connection connection, List<String> statements, Array ids) throws SQLException {
        for (String sql : statements) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, ids);
                statement.executeUpdate();
            }
        }
    }
}

package se.somg.portal.retention;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.somg.portal.database.SchemaMigration;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Removes or anonymises every piece of personal data of a set of customers, in every table, with one
 * set-based statement per table: an erasure request (one customer) and the retention job (a batch) share it.
 * What stays is what holds no personal data: ids, times and codes that the law wants as proof (consent events,
 * rectifications, audit events, extract digests), now tied to no one who can be identified.
 * <p>
 * A new table with personal data must be added here; the erasure test scans every text column of every table
 * and fails on any value of an erased customer.
 */
@Stateless
@PermitAll
public class Anonymisation {

    public static final String ERASED_NAME = "-";

    /** In the caller's transaction: the customer row lock and the erasure commit or fail together. */
    private static final List<String> STATEMENTS = List.of(
            // mails still waiting, or kept after sending, hold the address and often the name
            """
            DELETE FROM outbox_message WHERE erase_after_sending = FALSE AND (
                credential_id IN (SELECT credential_id FROM customer WHERE id = ANY(?))
                OR recipient IN (
                    SELECT cr.email FROM credential cr JOIN customer c ON c.credential_id = cr.id WHERE c.id = ANY(?)
                    UNION SELECT t.new_email FROM account_token t JOIN customer c ON c.credential_id = t.credential_id
                          WHERE c.id = ANY(?) AND t.new_email IS NOT NULL))""",
            "DELETE FROM account_token WHERE credential_id IN (SELECT credential_id FROM customer WHERE id = ANY(?))",
            "DELETE FROM login_record WHERE credential_id IN (SELECT credential_id FROM customer WHERE id = ANY(?))",
            "DELETE FROM trusted_device WHERE credential_id IN (SELECT credential_id FROM customer WHERE id = ANY(?))",
            "DELETE FROM interest WHERE customer_id = ANY(?)",
            "DELETE FROM campaign_image WHERE customer_id = ANY(?)",
            "DELETE FROM datum_source WHERE customer_id = ANY(?)",
            "UPDATE subject_request SET message = NULL, extension_reason = NULL, resolution = NULL WHERE customer_id = ANY(?)",
            "UPDATE complaint SET text = '" + ERASED_NAME + "', answer = NULL WHERE customer_id = ANY(?)",
            "UPDATE audit_event SET detail = NULL WHERE customer_id = ANY(?) AND detail IS NOT NULL",
            """
            UPDATE credential SET email = NULL, password_hash = 'ERASED',
                   failed_attempts = 0, throttled_until = NULL, guessing_reported_at = NULL,
                   session_generation = session_generation + 1, version = version + 1
            WHERE id IN (SELECT credential_id FROM customer WHERE id = ANY(?))""",
            """
            UPDATE customer SET given_name = '""" + ERASED_NAME + "', family_name = '" + ERASED_NAME + """
            ', personal_identity_number = NULL, birth_date = NULL, street = NULL, postcode = NULL, city = NULL,
                   country = NULL, phone = NULL, occupation = NULL, anonymised_at = now(), version = version + 1
            WHERE id = ANY(?)""");

    /**
     * Mails to an earlier address tell of the change and name the current one. Searching every mail's text is
     * affordable for an erasure request, not for a retention batch (whose customers' mail is long gone: sent
     * mail is removed after 90 days).
     */
    private static final String MAILS_NAMING_THE_ADDRESS = """
            DELETE FROM outbox_message o USING customer c JOIN credential cr ON cr.id = c.credential_id
            WHERE c.id = ANY(?) AND o.erase_after_sending = FALSE AND strpos(o.body, cr.email) > 0""";
    private static final int FEW = 10;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    @PersistenceContext
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void anonymise(List<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        // the caller's pending changes reach the database first; the same transaction's connection sees them
        em.flush();
        try (Connection connection = dataSource.getConnection()) {
            Array ids = connection.createArrayOf("bigint", customerIds.toArray());
            List<String> statements = new java.util.ArrayList<>();
            if (customerIds.size() <= FEW) {
                statements.add(MAILS_NAMING_THE_ADDRESS);
            }
            statements.addAll(STATEMENTS);
            for (String sql : statements) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    int parameters = sql.split("\\?", -1).length - 1;
                    for (int i = 1; i <= parameters; i++) {
                        statement.setArray(i, ids);
                    }
                    statement.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("anonymisation failed", e);
        }
        // the shared cache must not serve the old names and addresses
        em.getEntityManagerFactory().getCache().evictAll();
    }
}

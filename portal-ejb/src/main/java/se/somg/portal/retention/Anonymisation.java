package se.somg.portal.retention;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import se.somg.portal.database.SchemaMigration;
import se.somg.portal.kernel.ErasureStep;

/**
 * Removes or anonymises every piece of personal data of a set of customers, in every table, with set-based
 * statements: an erasure request (one customer) and the retention job (a batch) share it. Each feature says what
 * goes from its own tables ({@link ErasureStep}); this runs the steps in order. What stays is what holds no
 * personal data: ids, times and codes that the law wants as proof (consent events, rectifications, audit events,
 * extract digests), now tied to no one who can be identified.
 * <p>
 * A new table with personal data needs an erasure step in its feature (or a reason to keep it): a test reads the
 * schema and fails otherwise, and the erasure test scans every text column of every table for the erased values.
 */
@Stateless
@PermitAll
public class Anonymisation {

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    @PersistenceContext
    private EntityManager em;

    @Inject
    @Any
    private Instance<ErasureStep> steps;

    /** In the caller's transaction: the customer row lock and the erasure commit or fail together. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void anonymise(List<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        // the caller's pending changes reach the database first; the same transaction's connection sees them
        em.flush();
        List<ErasureStep> ordered = steps.stream()
                .sorted(Comparator.comparingInt(ErasureStep::order))
                .toList();
        try (Connection connection = dataSource.getConnection()) {
            Array ids = connection.createArrayOf("bigint", customerIds.toArray());
            for (ErasureStep step : ordered) {
                for (String sql : step.statements(customerIds.size())) {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        int parameters = sql.split("\\?", -1).length - 1;
                        for (int i = 1; i <= parameters; i++) {
                            statement.setArray(i, ids);
                        }
                        statement.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("anonymisation failed", e);
        }
        // the shared cache must not serve the old names and addresses
        em.getEntityManagerFactory().getCache().evictAll();
    }
}

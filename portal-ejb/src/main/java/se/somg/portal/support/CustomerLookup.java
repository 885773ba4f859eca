package se.somg.portal.support;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import se.somg.portal.InvalidInput;
import se.somg.portal.account.Credential;
import se.somg.portal.account.Customer;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.kernel.Role;

/**
 * Customer service looks a customer up to help them (policy §6: only staff who need the data). Every
 * customer shown is an audited look-up.
 */
@Stateless
@RolesAllowed(Role.Names.SUPPORT)
public class CustomerLookup {

    public static final int MAX_RESULTS = 20;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    /**
     * The look-up as one statement of three index ranges, each stopping at {@value #MAX_RESULTS} rows: the customer
     * with that exact e-mail address, then family names starting so, then given names starting so, each in its
     * index's order (a UNION of ranges instead of an OR, which would read the whole table). Public for the test that
     * reads its query plan.
     */
    public static final String SEARCH = """
            SELECT id, branch, rank FROM (
              (SELECT c.id, 0 AS branch, 1 AS rank FROM customer c JOIN credential cr ON cr.id = c.credential_id
               WHERE cr.email = ?1)
              UNION ALL
              (SELECT c.id, 1, row_number() OVER (ORDER BY lower(c.family_name) COLLATE "C", lower(c.given_name) COLLATE "C", c.id)
               FROM customer c WHERE lower(c.family_name) COLLATE "C" LIKE ?2 ESCAPE '\\'
               ORDER BY lower(c.family_name) COLLATE "C", lower(c.given_name) COLLATE "C", c.id LIMIT 20)
              UNION ALL
              (SELECT c.id, 2, row_number() OVER (ORDER BY lower(c.given_name) COLLATE "C", lower(c.family_name) COLLATE "C", c.id)
               FROM customer c WHERE lower(c.given_name) COLLATE "C" LIKE ?2 ESCAPE '\\'
               ORDER BY lower(c.given_name) COLLATE "C", lower(c.family_name) COLLATE "C", c.id LIMIT 20)
            ) found""";

    /** By exact e-mail, or by the start of the given or family name (at least 2 characters). */
    public List<Customer> search(String term) {
        String query = term == null ? "" : term.strip();
        if (query.length() < 2 || query.length() > 254) {
            throw new InvalidInput(Map.of("term", "support.lookup.term"));
        }
        String prefix = escapeLike(query.toLowerCase(Locale.ROOT)) + "%";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SEARCH)
                .setParameter(1, Credential.normalise(query))
                .setParameter(2, prefix)
                .getResultList();
        List<Long> ids = rows.stream()
                .sorted(Comparator.comparingInt((Object[] row) -> ((Number) row[1]).intValue())
                        .thenComparingLong(row -> ((Number) row[2]).longValue()))
                .map(row -> ((Number) row[0]).longValue())
                .distinct()
                .limit(MAX_RESULTS)
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Customer> byId = em.createQuery(
                        "SELECT c FROM Customer c JOIN FETCH c.credential WHERE c.id IN :ids", Customer.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(Customer::getId, customer -> customer));
        List<Customer> found = ids.stream().map(byId::get).toList();
        found.forEach(customer -> audit.record(AuditAction.CUSTOMER_LOOKUP, customer.getId(), null));
        return found;
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package se.somg.portal.support;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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

    /** By exact e-mail, or by the start of the given or family name (at least 2 characters). */
    public List<Customer> search(String term) {
        String query = term == null ? "" : term.strip();
        if (query.length() < 2 || query.length() > 254) {
            throw new InvalidInput(java.util.Map.of("term", "support.lookup.term"));
        }
        String prefix = escapeLike(query.toLowerCase(java.util.Locale.ROOT)) + "%";
        List<Customer> found = em.createQuery("""
                        SELECT c FROM Customer c
                        WHERE c.credential.email = :email
                           OR LOWER(c.givenName) LIKE :prefix ESCAPE '\\'
                           OR LOWER(c.familyName) LIKE :prefix ESCAPE '\\'
                        ORDER BY c.familyName, c.givenName, c.id""", Customer.class)
                .setParameter("email", Credential.normalise(query))
                .setParameter("prefix", prefix)
                .setMaxResults(MAX_RESULTS)
                .getResultList();
        found.forEach(customer -> audit.record(AuditAction.CUSTOMER_LOOKUP, customer.getId(), null));
        return found;
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

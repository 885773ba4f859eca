package se.somg.portal.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.somg.portal.account.Credential;

import java.time.OffsetDateTime;
import java.util.List;

/** Database look-ups and time travel that the in-container tests need. */
@Stateless
@PermitAll
public class TestSupport {

    @PersistenceContext
    private EntityManager em;

    public Credential credential(String email) {
        return em.createNamedQuery(Credential.BY_EMAIL, Credential.class)
                .setParameter("email", Credential.normalise(email)).getSingleResult();
    }

    /** Moves a lock into the past, as if 15 minutes had gone by. */
    public void expireLock(String email) {
        credential(email).setLockedUntil(OffsetDateTime.now().minusSeconds(1));
    }

    public long count(String jpql, Object... parameters) {
        var query = em.createQuery(jpql, Long.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getSingleResult();
    }

    /** Every column of the portal's tables whose name or type could hold a network address. */
    @SuppressWarnings("unchecked")
    public List<String> addressColumns() {
        return em.createNativeQuery("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND (column_name ~* '(^|_)(ip|ip_?address|remote_?addr|client_?addr|host)($|_)'
                       OR data_type IN ('inet', 'cidr'))""").getResultList();
    }
}

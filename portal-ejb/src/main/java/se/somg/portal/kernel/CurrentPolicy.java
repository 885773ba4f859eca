package se.somg.portal.kernel;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/** Which policy version is in force at a time: what registrations accept and consent events record. */
@Dependent
public class CurrentPolicy {

    @PersistenceContext
    private EntityManager em;

    /** The number of the version in force (1, the seed policy, before any is stored). */
    public int number(OffsetDateTime at) {
        Integer number = em.createQuery(
                        "SELECT MAX(v.number) FROM PolicyVersion v WHERE v.effectiveFrom <= :at", Integer.class)
                .setParameter("at", at)
                .getSingleResult();
        return number == null ? 1 : number;
    }
}

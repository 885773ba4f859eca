package se.somg.portal.profile;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.Platform;

/** Keeps, per customer and field, where the current value was collected (policy §1, §5.2). */
@Dependent
public class DatumSources {

    @PersistenceContext
    private EntityManager em;

    public void record(
            Long customerId,
            ProfileField field,
            Platform platform,
            CollectionCircumstance circumstance,
            OffsetDateTime at) {
        List<DatumSource> existing = em.createQuery(
                        "SELECT d FROM DatumSource d WHERE d.customerId = :customer AND d.field = :field",
                        DatumSource.class)
                .setParameter("customer", customerId)
                .setParameter("field", field)
                .getResultList();
        if (existing.isEmpty()) {
            em.persist(new DatumSource(customerId, field, platform, circumstance, at));
        } else {
            existing.get(0).recollect(platform, circumstance, at);
        }
    }

    public Map<ProfileField, DatumSource> of(Long customerId) {
        Map<ProfileField, DatumSource> sources = new EnumMap<>(ProfileField.class);
        em.createQuery("SELECT d FROM DatumSource d WHERE d.customerId = :customer", DatumSource.class)
                .setParameter("customer", customerId)
                .getResultList()
                .forEach(source -> sources.put(source.getField(), source));
        return sources;
    }
}

package se.somg.portal.preference;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The contact-preference rows of a customer; every customer has all twelve channel × kind cells. */
@Dependent
public class Preferences {

    @PersistenceContext
    private EntityManager em;

    public void createDefaults(Long customerId) {
        for (Channel channel : Channel.values()) {
            for (MessageKind kind : MessageKind.values()) {
                em.persist(new ContactPreference(
                        customerId, channel, kind, ContactPreference.isOnByDefault(channel, kind)));
            }
        }
    }

    /** The customer's cells, created with the defaults for an account made before preferences existed. */
    public List<ContactPreference> of(Long customerId) {
        List<ContactPreference> cells = query(customerId);
        if (cells.isEmpty()) {
            createDefaults(customerId);
            em.flush();
            cells = query(customerId);
        }
        return cells;
    }

    private List<ContactPreference> query(Long customerId) {
        return em.createQuery(
                        "SELECT p FROM ContactPreference p WHERE p.customerId = :customer ORDER BY p.id",
                        ContactPreference.class)
                .setParameter("customer", customerId)
                .getResultList();
    }
}

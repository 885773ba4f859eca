package se.somg.portal.notice;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The published notices a customer's inbox lists, by the one {@link Audience} rule. Nothing is stored per
 * customer until they open or acknowledge a notice (fan-out on read).
 */
@Dependent
public class Inbox {

    private static final String LISTED =
            " FROM notice n JOIN customer c ON c.id = ?1 WHERE n.publish_at <= now() AND " + Audience.INBOX;

    @PersistenceContext
    private EntityManager em;

    /** The ids of the notices listed, newest first, at most {@code max}. */
    public List<Long> listed(long customerId, int max) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(
                        "SELECT n.id" + LISTED + " ORDER BY n.publish_at DESC, n.id DESC LIMIT ?2")
                .setParameter(1, customerId)
                .setParameter(2, max)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    public boolean lists(long customerId, long noticeId) {
        return (Boolean) em.createNativeQuery("SELECT EXISTS (SELECT 1" + LISTED + " AND n.id = ?2)")
                .setParameter(1, customerId)
                .setParameter(2, noticeId)
                .getSingleResult();
    }

    /** Listed and never opened. */
    public long unread(long customerId) {
        return ((Number) em.createNativeQuery(
                                "SELECT COUNT(*)" + LISTED
                                        + " AND NOT EXISTS (SELECT 1 FROM notice_receipt r WHERE r.notice_id = n.id AND r.customer_id = c.id)")
                        .setParameter(1, customerId)
                        .getSingleResult())
                .longValue();
    }
}

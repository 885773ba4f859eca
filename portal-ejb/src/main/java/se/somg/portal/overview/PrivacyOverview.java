package se.somg.portal.overview;

import static se.somg.portal.kernel.Role.Names.PRIVACY_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import se.somg.portal.request.RequestKind;
import se.somg.portal.retention.RetentionRun;

/** The privacy officer's start: what is due, what is late, what waits for an answer, how retention went. */
@Stateless
@RolesAllowed(PRIVACY_OFFICER)
public class PrivacyOverview {

    @PersistenceContext
    private EntityManager em;

    public Figures figures() {
        Map<RequestKind, long[]> byKind = new EnumMap<>(RequestKind.class);
        for (RequestKind kind : RequestKind.values()) {
            byKind.put(kind, new long[2]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT kind,
                       count(*) FILTER (WHERE COALESCE(extended_due_at, due_at) >= now()
                                          AND COALESCE(extended_due_at, due_at) < now() + INTERVAL '7 days'),
                       count(*) FILTER (WHERE COALESCE(extended_due_at, due_at) < now())
                FROM subject_request WHERE status IN ('SUBMITTED', 'IN_PROGRESS', 'CONFIRMING') GROUP BY kind""").getResultList();
        for (Object[] row : rows) {
            long[] counts = byKind.get(RequestKind.valueOf((String) row[0]));
            counts[0] = ((Number) row[1]).longValue();
            counts[1] = ((Number) row[2]).longValue();
        }
        long unanswered = ((Number) em.createNativeQuery("SELECT count(*) FROM complaint WHERE answered_at IS NULL")
                        .getSingleResult())
                .longValue();
        RetentionRun lastRun = em
                .createQuery(
                        "SELECT r FROM RetentionRun r WHERE r.dryRun = false ORDER BY r.startedAt DESC, r.id DESC",
                        RetentionRun.class)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .orElse(null);
        List<KindFigures> kinds = byKind.entrySet().stream()
                .map(e -> new KindFigures(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
        return new Figures(kinds, unanswered, lastRun);
    }

    /** Open requests of one kind due within seven days, and past their due date. */
    public static final class KindFigures implements Serializable {
        private final RequestKind kind;
        private final long dueThisWeek;
        private final long overdue;

        KindFigures(RequestKind kind, long dueThisWeek, long overdue) {
            this.kind = kind;
            this.dueThisWeek = dueThisWeek;
            this.overdue = overdue;
        }

        public RequestKind getKind() {
            return kind;
        }

        public long getDueThisWeek() {
            return dueThisWeek;
        }

        public long getOverdue() {
            return overdue;
        }
    }

    public static final class Figures implements Serializable {
        private final List<KindFigures> kinds;
        private final long unansweredComplaints;
        private final RetentionRun lastRetentionRun;

        Figures(List<KindFigures> kinds, long unansweredComplaints, RetentionRun lastRetentionRun) {
            this.kinds = kinds;
            this.unansweredComplaints = unansweredComplaints;
            this.lastRetentionRun = lastRetentionRun;
        }

        public List<KindFigures> getKinds() {
            return kinds;
        }

        public long getDueThisWeek() {
            return kinds.stream().mapToLong(KindFigures::getDueThisWeek).sum();
        }

        public long getOverdue() {
            return kinds.stream().mapToLong(KindFigures::getOverdue).sum();
        }

        public long getUnansweredComplaints() {
            return unansweredComplaints;
        }

        public RetentionRun getLastRetentionRun() {
            return lastRetentionRun;
        }
    }
}

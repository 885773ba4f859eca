package se.somg.portal.audit;

import static se.somg.portal.kernel.Role.Names.PRIVACY_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import se.somg.portal.Csv;

/**
 * The audit trail for the privacy officer: every audited event, filtered by customer e-mail, staff member, action
 * and time, a page at a time from the database, and as CSV. Looking is not audited; exporting is, since the file
 * leaves the portal.
 */
@Stateless
@RolesAllowed(PRIVACY_OFFICER)
public class AuditSearch {

    private static final int EXPORT_PAGE = 500;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    /** Counting stops here: a page of "more than ten thousand" says all a reader needs, and reads no more. */
    public static final int COUNT_AT_MOST = 10_000;

    /** How many events the filter finds, at most {@link #COUNT_AT_MOST} + 1 (then: "more than"). */
    public long count(AuditFilter filter) {
        return ((Number) bound(countQuery(filter, staffId(filter))).getSingleResult()).longValue();
    }

    /**
     * The staff member's id as the actor column has it, looked up first: bound as a value, the planner knows from the
     * index's statistics how many events it finds and reads them as a range that stops at the limit (as a subquery
     * it guessed a handful and gathered every one first).
     */
    private String staffId(AuditFilter filter) {
        if (filter.staffEmail() == null) {
            return null;
        }
        List<?> ids = em.createNativeQuery("SELECT id FROM credential WHERE email = ?1 AND kind = 'STAFF'")
                .setParameter(1, filter.staffEmail())
                .getResultList();
        return ids.isEmpty() ? NO_ONE : String.valueOf(ids.get(0));
    }

    /** A staff id no actor has. */
    private static final String NO_ONE = "none";

    /** A statement and its values in order ({@code ?1}, {@code ?2}, ...): public for the test of its query plan. */
    public record Statement(String sql, List<Object> values) {}

    /** @param staffId the id of the filter's staff member ({@code null} without one) */
    public static Statement countQuery(AuditFilter filter, String staffId) {
        Where where = new Where(filter, staffId);
        return new Statement(
                "SELECT count(*) FROM (SELECT 1 FROM audit_event a" + where.sql() + " LIMIT " + (COUNT_AT_MOST + 1)
                        + ") counted",
                where.values);
    }

    /**
     * A page, newest first: after {@code first} events, or, faster for reading on, after the event {@code after}
     * (keyset). The page's ids are found first from the index alone, so a deep page skips index entries rather than
     * rows and their customers; only the page's own rows are read and joined.
     */
    public static Statement pageQuery(AuditFilter filter, String staffId, int first, Cursor after, int size) {
        Where where = new Where(filter, staffId);
        String skip = " OFFSET " + Math.max(0, first);
        if (after != null) {
            where.add(after.occurredAt(), "a.occurred_at <= ?");
            where.add(after.occurredAt(), "(a.occurred_at, a.id) < (?, " + after.id() + ")");
            skip = "";
        }
        return new Statement(
                """
                SELECT a.id, a.occurred_at, a.actor, a.action, a.customer_id, cr.email, a.detail
                FROM (SELECT a.id, a.occurred_at FROM audit_event a"""
                        + where.sql() + " ORDER BY a.occurred_at DESC, a.id DESC" + skip + " LIMIT "
                        + Math.min(Math.max(1, size), 500) + """
                        ) page JOIN audit_event a ON a.id = page.id
                        LEFT JOIN customer c ON c.id = a.customer_id LEFT JOIN credential cr ON cr.id = c.credential_id
                        ORDER BY page.occurred_at DESC, page.id DESC""",
                where.values);
    }

    /** Where a page ended: the next one starts after this event. */
    public record Cursor(OffsetDateTime occurredAt, long id) implements Serializable {

        /** After the last row of a page. */
        public static Cursor after(List<Row> page) {
            Row last = page.get(page.size() - 1);
            return new Cursor(last.getOccurredAt(), last.getId());
        }
    }

    private Query bound(Statement statement) {
        Query query = em.createNativeQuery(statement.sql());
        for (int i = 0; i < statement.values().size(); i++) {
            query.setParameter(i + 1, statement.values().get(i));
        }
        return query;
    }

    /** Newest first. */
    public List<Row> page(AuditFilter filter, int first, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                bound(pageQuery(filter, staffId(filter), first, null, size)).getResultList();
        return rows.stream().map(AuditSearch::row).toList();
    }

    /** The page after the event {@code after} (keyset: as fast deep in the trail as at its start). */
    public List<Row> pageAfter(AuditFilter filter, Cursor after, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                bound(pageQuery(filter, staffId(filter), 0, after, size)).getResultList();
        return rows.stream().map(AuditSearch::row).toList();
    }

    /** Every event the filter finds, as CSV (UTF-8, semicolons, quoted, formula characters defused); the export is audited first. */
    public void export(AuditFilter filter, OutputStream out) {
        audit.recordNow(AuditAction.AUDIT_EXPORTED, null, filter.describe());
        try {
            Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.write('\uFEFF');
            csv.write("occurred_at;role;staff_id;action;customer_number;customer_email;detail\r\n");
            // page after page by keyset: the export of millions of events reads each once
            for (Cursor after = null; ; ) {
                List<Row> page = after == null ? page(filter, 0, EXPORT_PAGE) : pageAfter(filter, after, EXPORT_PAGE);
                for (Row row : page) {
                    for (Object value : new Object[] {
                        row.getOccurredAt(),
                        row.getRole(),
                        row.getStaffId(),
                        row.getAction(),
                        row.getCustomerNumber(),
                        row.getCustomerEmail(),
                        row.getDetail()
                    }) {
                        csv.write(Csv.cell(value));
                        csv.write(';');
                    }
                    csv.write("\r\n");
                }
                if (page.size() < EXPORT_PAGE) {
                    break;
                }
                after = Cursor.after(page);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the conditions the filter uses, each with its bound value: no value is ever written into the SQL. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        Where(AuditFilter filter, String staffId) {
            add(
                    filter.customerEmail(),
                    "a.customer_id = (SELECT c2.id FROM customer c2 JOIN credential cr2"
                            + " ON cr2.id = c2.credential_id WHERE cr2.email = ?)");
            // the id after the role in "ROLE:id", as the index audit_event_staff_newest has it
            add(filter.staffEmail() == null ? null : staffId, "split_part(a.actor, ':', 2) = ?");
            add(filter.action() == null ? null : filter.action().toUpperCase(java.util.Locale.ROOT), "a.action = ?");
            add(filter.from(), "a.occurred_at >= ?");
            add(filter.until(), "a.occurred_at < ?");
        }

        private void add(Object value, String condition) {
            if (value != null) {
                values.add(value);
                conditions.add(condition.replace("?", "?" + values.size()));
            }
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }
    }

    private static Row row(Object[] r) {
        String actor = (String) r[2];
        int colon = actor.indexOf(':');
        OffsetDateTime at =
                r[1] instanceof java.sql.Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC) : (OffsetDateTime) r[1];
        return new Row(
                ((Number) r[0]).longValue(),
                at,
                colon < 0 ? actor : actor.substring(0, colon),
                colon < 0 ? null : actor.substring(colon + 1),
                (String) r[3],
                r[4] == null ? null : ((Number) r[4]).longValue(),
                (String) r[5],
                (String) r[6]);
    }

    /** One audited event as the trail shows it. */
    public static final class Row implements Serializable {
        private final long id;
        private final OffsetDateTime occurredAt;
        private final String role;
        private final String staffId;
        private final String action;
        private final Long customerNumber;
        private final String customerEmail;
        private final String detail;

        Row(
                long id,
                OffsetDateTime occurredAt,
                String role,
                String staffId,
                String action,
                Long customerNumber,
                String customerEmail,
                String detail) {
            this.id = id;
            this.occurredAt = occurredAt;
            this.role = role;
            this.staffId = staffId;
            this.action = action;
            this.customerNumber = customerNumber;
            this.customerEmail = customerEmail;
            this.detail = detail;
        }

        public long getId() {
            return id;
        }

        public OffsetDateTime getOccurredAt() {
            return occurredAt;
        }

        public String getRole() {
            return role;
        }

        public String getStaffId() {
            return staffId;
        }

        public String getAction() {
            return action;
        }

        public Long getCustomerNumber() {
            return customerNumber;
        }

        public String getCustomerEmail() {
            return customerEmail;
        }

        public String getDetail() {
            return detail;
        }
    }
}

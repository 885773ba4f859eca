package se.somg.portal.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The portal's own figures for the people who run it, as MicroProfile Metrics gauges (scope application, at
 * {@code /metrics}): the outbox, the notice fan-out, data-subject requests by their deadline, unanswered complaints,
 * throttled accounts and the last retention run. They are read from PostgreSQL, so every node reports the same
 * figures, at most once every {@value #FRESH_MILLIS} ms however often they are scraped. No figure names a person.
 * Counters of what happens on a node (mails sent, logins, extracts) are kept where it happens ({@link Counters}).
 */
@Singleton
@Startup
@PermitAll
public class PortalFigures {

    private static final Logger LOG = Logger.getLogger(PortalFigures.class.getName());
    static final long FRESH_MILLIS = 5_000;

    /** Deadlines and waits are measured against the portal's clock (the one bound parameter), not the database's. */
    private static final String FIGURES = """
            WITH moment AS (SELECT CAST(?1 AS timestamptz) AS instant)
            SELECT
              (SELECT count(*) FROM outbox_message WHERE status = 'PENDING'),
              (SELECT COALESCE(EXTRACT(EPOCH FROM moment.instant - min(created_at)), 0) FROM outbox_message WHERE status = 'PENDING'),
              (SELECT count(*) FROM notice WHERE mailing_done_at IS NULL AND publish_at <= moment.instant),
              (SELECT count(*) FROM subject_request WHERE status IN ('SUBMITTED', 'IN_PROGRESS', 'CONFIRMING')),
              (SELECT count(*) FROM subject_request WHERE status IN ('SUBMITTED', 'IN_PROGRESS', 'CONFIRMING')
                 AND COALESCE(extended_due_at, due_at) >= moment.instant
                 AND COALESCE(extended_due_at, due_at) < moment.instant + INTERVAL '7 days'),
              (SELECT count(*) FROM subject_request WHERE status IN ('SUBMITTED', 'IN_PROGRESS', 'CONFIRMING')
                 AND COALESCE(extended_due_at, due_at) < moment.instant),
              (SELECT count(*) FROM complaint WHERE answered_at IS NULL),
              (SELECT count(*) FROM credential WHERE throttled_until > moment.instant),
              (SELECT EXTRACT(EPOCH FROM started_at) FROM retention_run WHERE NOT dry_run ORDER BY started_at DESC, id DESC LIMIT 1),
              (SELECT status FROM retention_run WHERE NOT dry_run ORDER BY started_at DESC, id DESC LIMIT 1)
            FROM moment""";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    private MetricRegistry registry;

    @EJB
    private PortalFigures self;

    private volatile Figures latest = Figures.NONE;
    private volatile long takenAt;

    @PostConstruct
    void register() {
        gauge("portal.outbox.backlog", "Mails waiting in the outbox to be sent", f -> f.outboxBacklog());
        gauge(
                "portal.outbox.oldest.seconds",
                "Age of the oldest mail waiting to be sent, in seconds",
                f -> f.oldestMailSeconds());
        gauge(
                "portal.notices.fanout.backlog",
                "Published notices whose e-mail fan-out has not finished",
                f -> f.fanOutBacklog());
        gauge("portal.requests.open", "Data-subject requests submitted or in progress", f -> f.openRequests());
        gauge("portal.requests.due.week", "Open data-subject requests due within seven days", f -> f.dueThisWeek());
        gauge("portal.requests.overdue", "Open data-subject requests past their due date", f -> f.overdue());
        gauge("portal.complaints.unanswered", "Complaints not answered yet", f -> f.unansweredComplaints());
        gauge(
                "portal.accounts.throttled",
                "Accounts waiting after repeated wrong passwords",
                f -> f.throttledAccounts());
        gauge(
                "portal.retention.last.run.seconds",
                "Start of the last real retention run, seconds since 1970 (0: none)",
                f -> f.lastRetentionStart());
        gauge(
                "portal.retention.last.run.status",
                "Last real retention run: 0 finished, 1 running, 2 failed, -1 none",
                f -> f.lastRetentionStatus());
        // the counters exist from the start, so a scrape shows 0 rather than nothing
        Counters.NAMES.forEach(registry::counter);
    }

    private void gauge(String name, String description, ToDoubleFunction<Figures> figure) {
        registry.gauge(
                Metadata.builder().withName(name).withDescription(description).build(),
                () -> figure.applyAsDouble(self.current()));
    }

    /** The figures, read again when older than {@value #FRESH_MILLIS} ms; while the database is away, the last ones. */
    @Lock(LockType.WRITE)
    public Figures current() {
        long now = System.currentTimeMillis();
        if (now - takenAt < FRESH_MILLIS) {
            return latest;
        }
        try {
            Object[] row = (Object[]) em.createNativeQuery(FIGURES)
                    .setParameter(1, Timestamp.from(clock.instant()))
                    .getSingleResult();
            latest = new Figures(
                    number(row[0]),
                    number(row[1]),
                    number(row[2]),
                    number(row[3]),
                    number(row[4]),
                    number(row[5]),
                    number(row[6]),
                    number(row[7]),
                    row[8] == null ? 0 : number(row[8]),
                    status(row[9]));
            takenAt = now;
        } catch (RuntimeException unavailable) {
            LOG.log(Level.FINE, "figures not read now", unavailable);
        }
        return latest;
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static double status(Object value) {
        if (value == null) {
            return -1;
        }
        return switch (value.toString()) {
            case "FINISHED" -> 0;
            case "RUNNING" -> 1;
            default -> 2;
        };
    }

    /** One reading of every figure. */
    public record Figures(
            double outboxBacklog,
            double oldestMailSeconds,
            double fanOutBacklog,
            double openRequests,
            double dueThisWeek,
            double overdue,
            double unansweredComplaints,
            double throttledAccounts,
            double lastRetentionStart,
            double lastRetentionStatus) {
        static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, -1);
    }
}

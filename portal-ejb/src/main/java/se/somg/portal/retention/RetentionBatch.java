package se.somg.portal.retention;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import se.somg.portal.Refusal;
import se.somg.portal.account.SignInHistory;
import se.somg.portal.account.UnconfirmedRegistrations;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.database.AdvisoryLock;

/**
 * One transaction each: start a run, anonymise one batch, finish the run. A batch takes its accounts with
 * {@code FOR UPDATE SKIP LOCKED}, so nodes running at once share the work instead of doing it twice, and a
 * crash loses at most the batch in flight, which the next run picks up.
 */
@Stateless
@PermitAll
public class RetentionBatch {

    @Inject
    private Clock clock;

    public static final int SIZE = 1000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Anonymisation anonymisation;

    @Inject
    private UnconfirmedRegistrations unconfirmed;

    @Inject
    private SignInHistory signIns;

    @Inject
    private AuditTrail audit;

    /** A real run that showed no progress for this long is taken to have died with its node. */
    static final Duration SILENT_RUN = Duration.ofMinutes(10);

    /**
     * Starts a run. One real run at a time across every node: the nightly timer fires on each node, and "Run
     * now" may be pressed on two at once; the second is refused while the first is alive.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long start(boolean dryRun, OffsetDateTime cutoff, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!dryRun) {
            // held until this transaction ends, so two starts cannot both see no run
            AdvisoryLock.hold(em, "retention_run", java.time.Duration.ofSeconds(30));
            for (RetentionRun running : em.createQuery(
                            "SELECT r FROM RetentionRun r WHERE r.status = :running AND r.dryRun = false",
                            RetentionRun.class)
                    .setParameter("running", RetentionRun.Status.RUNNING)
                    .getResultList()) {
                if (running.lastSignOfLife().isAfter(now.minus(SILENT_RUN))) {
                    throw new Refusal("retention.run.alreadyRunning");
                }
                running.finish(RetentionRun.Status.FAILED, now);
            }
        }
        RetentionRun run = new RetentionRun(dryRun, cutoff, (int) candidates(cutoff), actor, OffsetDateTime.now(clock));
        em.persist(run);
        em.flush();
        audit.record(
                dryRun ? AuditAction.RETENTION_DRY_RUN : AuditAction.RETENTION_RUN,
                null,
                "run #" + run.getId() + ", " + run.getCandidates() + " due");
        return run.getId();
    }

    public long candidates(OffsetDateTime cutoff) {
        return ((Number) em.createNativeQuery("""
                        SELECT COUNT(*) FROM customer
                        WHERE anonymised_at IS NULL AND contract_ended_at IS NOT NULL AND contract_ended_at < ?1""").setParameter(1, cutoff).getSingleResult()).longValue();
    }

    /** @return how many accounts this batch anonymised; 0 when nothing is left */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int next(long runId, OffsetDateTime cutoff) {
        // a run that another node took over as dead stops here, even if it was only slow
        RetentionRun run = em.find(RetentionRun.class, runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (run.getStatus() != RetentionRun.Status.RUNNING) {
            return 0;
        }
        List<Long> ids = due(runId, cutoff, SIZE, true);
        if (ids.isEmpty()) {
            return 0;
        }
        anonymisation.anonymise(ids);
        run.batchDone(ids.size(), OffsetDateTime.now(clock));
        return ids.size();
    }

    /**
     * After a batch failed: the accounts it would have taken, to be anonymised one by one so that only the account
     * that fails is left out.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> nextBatchAccounts(long runId, OffsetDateTime cutoff) {
        return due(runId, cutoff, SIZE, false);
    }

    /** @return whether this account was anonymised now (false when another run holds it or has done it) */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean single(long runId, long customerId, OffsetDateTime cutoff) {
        RetentionRun run = em.find(RetentionRun.class, runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        List<?> locked = em.createNativeQuery("""
                        SELECT id FROM customer WHERE id = ?1 AND anonymised_at IS NULL AND contract_ended_at < ?2
                        FOR UPDATE SKIP LOCKED""")
                .setParameter(1, customerId)
                .setParameter(2, cutoff)
                .getResultList();
        if (run.getStatus() != RetentionRun.Status.RUNNING || locked.isEmpty()) {
            return false;
        }
        anonymisation.anonymise(List.of(customerId));
        run.batchDone(1, OffsetDateTime.now(clock));
        return true;
    }

    /** Records why an account was left out, by code only: a database message could quote the row's values. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void skipped(long runId, long customerId, Throwable failure) {
        RetentionRun run = em.find(RetentionRun.class, runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.createNativeQuery("""
                        INSERT INTO retention_failure (run_id, customer_id, failed_at, reason) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, runId)
                .setParameter(2, customerId)
                .setParameter(3, OffsetDateTime.now(clock))
                .setParameter(4, reasonOf(failure))
                .executeUpdate();
        run.skippedOne(OffsetDateTime.now(clock));
    }

    /** Due accounts, oldest first, leaving out those this run already had to skip. */
    private List<Long> due(long runId, OffsetDateTime cutoff, int limit, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        SELECT id FROM customer
                        WHERE anonymised_at IS NULL AND contract_ended_at IS NOT NULL AND contract_ended_at < ?1
                          AND id NOT IN (SELECT customer_id FROM retention_failure WHERE run_id = ?3)
                        ORDER BY contract_ended_at, id LIMIT ?2""" + (lock ? " FOR UPDATE SKIP LOCKED" : ""))
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .setParameter(3, runId)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    static String reasonOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return "SQLSTATE " + sql.getSQLState();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    /**
     * What only served a moment: used or expired one-time links after 30 days, trusted browsers unused for 180 days
     * (their cookie has expired), signed-in session records after a day, registrations never confirmed after 7 days, sent mails after 90 (they hold addresses and names, and the customer's data lives
     * elsewhere).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int housekeeping() {
        int tokens = em.createNativeQuery("DELETE FROM account_token WHERE expires_at < now() - INTERVAL '30 days'")
                .executeUpdate();
        int devices = em.createNativeQuery(
                        "DELETE FROM trusted_device WHERE last_used_at < now() - INTERVAL '180 days'")
                .executeUpdate();
        // a day is longer than any session lives without a request (15 minutes) and than most working days
        int sessions = em.createNativeQuery("DELETE FROM signed_in_session WHERE created_at < now() - INTERVAL '1 day'")
                .executeUpdate();
        int mails = em.createNativeQuery("""
                DELETE FROM outbox_message WHERE status IN ('SENT', 'FAILED')
                  AND COALESCE(sent_at, next_attempt_at) < now() - INTERVAL '90 days'""").executeUpdate();
        return tokens + devices + sessions + mails + unconfirmed.removeExpired() + signIns.forgetOldSignIns();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long runId, RetentionRun.Status status) {
        RetentionRun run = em.find(RetentionRun.class, runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (run.getStatus() == RetentionRun.Status.RUNNING) {
            run.finish(status, OffsetDateTime.now(clock));
        }
    }
}

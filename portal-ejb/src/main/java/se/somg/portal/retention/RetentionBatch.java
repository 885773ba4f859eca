package se.somg.portal.retention;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.OffsetDateTime;
import se.somg.portal.Refusal;
import java.util.List;

/**
 * One transaction each: start a run, anonymise one batch, finish the run. A batch takes its accounts with
 * {@code FOR UPDATE SKIP LOCKED}, so nodes running at once share the work instead of doing it twice, and a
 * crash loses at most the batch in flight, which the next run picks up.
 */
@Stateless
@PermitAll
public class RetentionBatch {

    public static final int SIZE = 1000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Anonymisation anonymisation;

    @Inject
    private se.somg.portal.audit.AuditTrail audit;

    /** A real run that showed no progress for this long is taken to have died with its node. */
    static final Duration SILENT_RUN = Duration.ofMinutes(10);

    /**
     * Starts a run. One real run at a time across every node: the nightly timer fires on each node, and "Run
     * now" may be pressed on two at once; the second is refused while the first is alive.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long start(boolean dryRun, OffsetDateTime cutoff, String actor) {
        OffsetDateTime now = OffsetDateTime.now();
        if (!dryRun) {
            // held until this transaction ends, so two starts cannot both see no run
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('retention_run'))").getSingleResult();
            for (RetentionRun running : em.createQuery(
                    "SELECT r FROM RetentionRun r WHERE r.status = :running AND r.dryRun = false", RetentionRun.class)
                    .setParameter("running", RetentionRun.Status.RUNNING).getResultList()) {
                if (running.lastSignOfLife().isAfter(now.minus(SILENT_RUN))) {
                    throw new Refusal("retention.run.alreadyRunning");
                }
                running.finish(RetentionRun.Status.FAILED, now);
            }
        }
        RetentionRun run = new RetentionRun(dryRun, cutoff, (int) candidates(cutoff), actor, OffsetDateTime.now());
        em.persist(run);
        em.flush();
        audit.record(dryRun ? "RETENTION_DRY_RUN" : "RETENTION_RUN", null, "run #" + run.getId() + ", " + run.getCandidates() + " due");
        return run.getId();
    }

    public long candidates(OffsetDateTime cutoff) {
        return ((Number) em.createNativeQuery("""
                        SELECT COUNT(*) FROM customer
                        WHERE anonymised_at IS NULL AND contract_ended_at IS NOT NULL AND contract_ended_at < ?1""")
                .setParameter(1, cutoff).getSingleResult()).longValue();
    }

    /** @return how many accounts this batch anonymised; 0 when nothing is left */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int next(long runId, OffsetDateTime cutoff) {
        // a run that another node took over as dead stops here, even if it was only slow
        RetentionRun run = em.find(RetentionRun.class, runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (run.getStatus() != RetentionRun.Status.RUNNING) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        SELECT id FROM customer
                        WHERE anonymised_at IS NULL AND contract_ended_at IS NOT NULL AND contract_ended_at < ?1
                        ORDER BY contract_ended_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, cutoff).setParameter(2, SIZE).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        anonymisation.anonymise(ids.stream().map(Number::longValue).toList());
        run.batchDone(ids.size(), OffsetDateTime.now());
        return ids.size();
    }

    /**
     * What only served a moment: used or expired one-time links after 30 days, sent mails after 90 (they hold
     * addresses and names, and the customer's data lives elsewhere).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int housekeeping() {
        int tokens = em.createNativeQuery("DELETE FROM account_token WHERE expires_at < now() - INTERVAL '30 days'").executeUpdate();
        int mails = em.createNativeQuery("""
                DELETE FROM outbox_message WHERE status IN ('SENT', 'FAILED')
                  AND COALESCE(sent_at, next_attempt_at) < now() - INTERVAL '90 days'""").executeUpdate();
        return tokens + mails;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long runId, RetentionRun.Status status) {
        RetentionRun run = em.find(RetentionRun.class, runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (run.getStatus() == RetentionRun.Status.RUNNING) {
            run.finish(status, OffsetDateTime.now());
        }
    }
}

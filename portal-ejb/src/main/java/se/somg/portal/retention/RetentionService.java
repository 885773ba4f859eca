package se.somg.portal.retention;

import static se.somg.portal.kernel.Role.Names.PRIVACY_OFFICER;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import se.somg.portal.Refusal;
import se.somg.portal.audit.AuditPruning;
import se.somg.portal.database.DatabaseOutage;
import se.somg.portal.kernel.Caller;

/**
 * Policy §5.7: accounts whose contract ended more than the retention period ago are anonymised, every night
 * and whenever the privacy officer starts a run; a dry run reports what a run would do and changes nothing.
 */
@Stateless
public class RetentionService {

    @Inject
    private Clock clock;

    private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private RetentionPolicy policy;

    @Inject
    private Caller caller;

    @EJB
    private RetentionBatch batches;

    @EJB
    private AuditPruning auditPruning;

    @EJB
    private RetentionService self;

    @RolesAllowed(PRIVACY_OFFICER)
    public RetentionRun dryRun() {
        OffsetDateTime cutoff = policy.cutoff(OffsetDateTime.now(clock));
        long id = batches.start(true, cutoff, caller.actor());
        batches.finish(id, RetentionRun.Status.FINISHED);
        return em.find(RetentionRun.class, id);
    }

    /** Starts a real run in the background; the runs page follows its progress. */
    @RolesAllowed(PRIVACY_OFFICER)
    public long start() {
        OffsetDateTime cutoff = policy.cutoff(OffsetDateTime.now(clock));
        long id = batches.start(false, cutoff, caller.actor());
        self.work(id, cutoff);
        return id;
    }

    /** Run by {@link RetentionSchedule}'s timer, on every node; one of them gets the run. */
    @PermitAll
    public void nightly() {
        OffsetDateTime cutoff = policy.cutoff(OffsetDateTime.now(clock));
        try {
            work(batches.start(false, cutoff, "system"), cutoff);
        } catch (Refusal alreadyRunning) {
            // the timer fires on every node; another node has tonight's run
            LOG.info("retention: another node is running it");
        }
    }

    @Asynchronous
    @PermitAll
    public void work(long runId, OffsetDateTime cutoff) {
        try {
            while (true) {
                int done;
                try {
                    done = batches.next(runId, cutoff);
                } catch (RuntimeException batchFailed) {
                    if (DatabaseOutage.isCause(batchFailed)) {
                        throw batchFailed;
                    }
                    done = oneByOne(runId, cutoff);
                }
                if (done == 0) {
                    break;
                }
            }
            batches.housekeeping();
            while (auditPruning.pruneBatch() == AuditPruning.BATCH) {
                // the audit trail's own period, a batch per transaction
            }
            batches.finish(runId, RetentionRun.Status.FINISHED);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention run " + runId + " failed; the next run resumes it", e);
            batches.finish(runId, RetentionRun.Status.FAILED);
        }
    }

    /**
     * A batch failed on some account: the same accounts one by one, each in its own transaction, so the others are
     * anonymised and the failing one is skipped, reported on the retention page and tried again by the next run.
     *
     * @return how many accounts were dealt with (anonymised or skipped); 0 when none is left
     */
    private int oneByOne(long runId, OffsetDateTime cutoff) {
        List<Long> accounts = batches.nextBatchAccounts(runId, cutoff);
        for (long customerId : accounts) {
            try {
                batches.single(runId, customerId, cutoff);
            } catch (RuntimeException failure) {
                if (DatabaseOutage.isCause(failure)) {
                    throw failure;
                }
                LOG.warning("retention run " + runId + ": customer " + customerId + " could not be anonymised ("
                        + RetentionBatch.reasonOf(failure) + "); skipped, the next run tries again");
                batches.skipped(runId, customerId, failure);
            }
        }
        return accounts.size();
    }

    /** Accounts that recent runs had to leave out, newest first: what the privacy officer should look into. */
    @RolesAllowed(PRIVACY_OFFICER)
    public List<RetentionFailure> recentFailures() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT f.run_id, f.customer_id, f.failed_at, f.reason FROM retention_failure f
                        JOIN customer c ON c.id = f.customer_id AND c.anonymised_at IS NULL
                        ORDER BY f.failed_at DESC LIMIT 50""").getResultList();
        return rows.stream()
                .map(r -> new RetentionFailure(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        r[2] instanceof java.sql.Timestamp at
                                ? at.toInstant().atOffset(java.time.ZoneOffset.UTC)
                                : (OffsetDateTime) r[2],
                        (String) r[3]))
                .toList();
    }

    @RolesAllowed(PRIVACY_OFFICER)
    public List<RetentionRun> runs() {
        return em.createQuery("SELECT r FROM RetentionRun r ORDER BY r.startedAt DESC", RetentionRun.class)
                .setMaxResults(50)
                .getResultList();
    }

    @RolesAllowed(PRIVACY_OFFICER)
    public long candidates() {
        return batches.candidates(policy.cutoff(OffsetDateTime.now(clock)));
    }

    @RolesAllowed(PRIVACY_OFFICER)
    public int months() {
        return policy.months();
    }
}

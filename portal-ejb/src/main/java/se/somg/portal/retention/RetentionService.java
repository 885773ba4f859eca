package se.somg.portal.retention;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.somg.portal.Refusal;
import se.somg.portal.account.Caller;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import static se.somg.portal.account.Role.Names.PRIVACY_OFFICER;

/**
 * Policy §5.7: accounts whose contract ended more than the retention period ago are anonymised, every night
 * and whenever the privacy officer starts a run; a dry run reports what a run would do and changes nothing.
 */
@Stateless
public class RetentionService {

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
    private RetentionService self;

    @RolesAllowed(PRIVACY_OFFICER)
    public RetentionRun dryRun() {
        OffsetDateTime cutoff = policy.cutoff(OffsetDateTime.now());
        long id = batches.start(true, cutoff, caller.actor());
        batches.finish(id, RetentionRun.Status.FINISHED);
        return em.find(RetentionRun.class, id);
    }

    /** Starts a real run in the background; the runs page follows its progress. */
    @RolesAllowed(PRIVACY_OFFICER)
    public long start() {
        OffsetDateTime cutoff = policy.cutoff(OffsetDateTime.now());
        long id = batches.start(false, cutoff, caller.actor());
        self.work(id, cutoff);
        return id;
    }

    @Schedule(hour = "2", minute = "30", persistent = false)
    @PermitAll
    public void nightly() {
        OffsetDateTime cutoff = policy.cutoff(OffsetDateTime.now());
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
            while (batches.next(runId, cutoff) > 0) {
                // each batch commits on its own
            }
            batches.housekeeping();
            batches.finish(runId, RetentionRun.Status.FINISHED);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention run " + runId + " failed; the next run resumes it", e);
            batches.finish(runId, RetentionRun.Status.FAILED);
        }
    }

    @RolesAllowed(PRIVACY_OFFICER)
    public List<RetentionRun> runs() {
        return em.createQuery("SELECT r FROM RetentionRun r ORDER BY r.startedAt DESC", RetentionRun.class)
                .setMaxResults(50).getResultList();
    }

    @RolesAllowed(PRIVACY_OFFICER)
    public long candidates() {
        return batches.candidates(policy.cutoff(OffsetDateTime.now()));
    }

    @RolesAllowed(PRIVACY_OFFICER)
    public int months() {
        return policy.months();
    }
}

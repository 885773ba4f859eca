package se.somg.portal.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** One pass of the retention job (policy §5.7): what it found past the period, and what it anonymised. */
@Entity
@Table(name = "retention_run")
public class RetentionRun implements Serializable {

    public enum Status {
        RUNNING,
        FINISHED,
        FAILED
    }

    @Id
    @SequenceGenerator(name = "retention_run_seq", sequenceName = "retention_run_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "retention_run_seq")
    private Long id;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "progressed_at")
    private OffsetDateTime progressedAt;

    @Column(name = "dry_run", nullable = false, updatable = false)
    private boolean dryRun;

    @Column(nullable = false, updatable = false)
    private OffsetDateTime cutoff;

    @Column(nullable = false)
    private int candidates;

    @Column(nullable = false)
    private int anonymised;

    @Column(nullable = false)
    private int batches;

    @Column(name = "started_by", nullable = false, updatable = false, length = 64)
    private String startedBy;

    /** Accounts this run could not anonymise; each is listed in retention_failure and tried again next run. */
    @Column(nullable = false)
    private int skipped;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.RUNNING;

    @Version
    private long version;

    protected RetentionRun() {}

    public RetentionRun(
            boolean dryRun, OffsetDateTime cutoff, int candidates, String startedBy, OffsetDateTime startedAt) {
        this.dryRun = dryRun;
        this.cutoff = cutoff;
        this.candidates = candidates;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
    }

    public void skippedOne(OffsetDateTime at) {
        skipped++;
        progressedAt = at;
    }

    public int getSkipped() {
        return skipped;
    }

    public void batchDone(int count, OffsetDateTime at) {
        anonymised += count;
        batches++;
        progressedAt = at;
    }

    /** When this run last showed that it is alive: its start or its last batch. */
    public OffsetDateTime lastSignOfLife() {
        return progressedAt == null ? startedAt : progressedAt;
    }

    public void finish(Status outcome, OffsetDateTime at) {
        status = outcome;
        finishedAt = at;
    }

    public Long getId() {
        return id;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public OffsetDateTime getCutoff() {
        return cutoff;
    }

    public int getCandidates() {
        return candidates;
    }

    public int getAnonymised() {
        return anonymised;
    }

    public int getBatches() {
        return batches;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Status getStatus() {
        return status;
    }
}

package se.somg.portal.retention;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** An account a retention run had to leave out, and why (a code, never a value of the account). */
public class RetentionFailure implements Serializable {

    private final long runId;
    private final long customerId;
    private final OffsetDateTime failedAt;
    private final String reason;

    public RetentionFailure(long runId, long customerId, OffsetDateTime failedAt, String reason) {
        this.runId = runId;
        this.customerId = customerId;
        this.failedAt = failedAt;
        this.reason = reason;
    }

    public long getRunId() {
        return runId;
    }

    public long getCustomerId() {
        return customerId;
    }

    public OffsetDateTime getFailedAt() {
        return failedAt;
    }

    public String getReason() {
        return reason;
    }
}

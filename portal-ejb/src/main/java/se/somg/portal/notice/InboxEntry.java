package se.somg.portal.notice;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** A notice as one customer sees it: read or not, acknowledged or not. */
public class InboxEntry implements Serializable {

    private final Notice notice;
    private final OffsetDateTime readAt;
    private final OffsetDateTime acknowledgedAt;

    public InboxEntry(Notice notice, NoticeReceipt receipt) {
        this.notice = notice;
        this.readAt = receipt == null ? null : receipt.getReadAt();
        this.acknowledgedAt = receipt == null ? null : receipt.getAcknowledgedAt();
    }

    public Notice getNotice() {
        return notice;
    }

    public OffsetDateTime getReadAt() {
        return readAt;
    }

    public OffsetDateTime getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public boolean isUnread() {
        return readAt == null;
    }

    public boolean isAwaitingAcknowledgement() {
        return notice.isNeedsAcknowledgement() && acknowledgedAt == null;
    }
}

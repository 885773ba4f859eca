package se.somg.portal.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** That one customer has read a notice, and when they acknowledged it: written only when they act. */
@Entity
@Table(name = "notice_receipt")
@IdClass(NoticeReceipt.Key.class)
public class NoticeReceipt {

    @Id
    @Column(name = "notice_id")
    private Long noticeId;

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "read_at", nullable = false, updatable = false)
    private OffsetDateTime readAt;

    @Column(name = "acknowledged_at")
    private OffsetDateTime acknowledgedAt;

    protected NoticeReceipt() {}

    public NoticeReceipt(Long noticeId, Long customerId, OffsetDateTime readAt) {
        this.noticeId = noticeId;
        this.customerId = customerId;
        this.readAt = readAt;
    }

    public void acknowledge(OffsetDateTime at) {
        if (acknowledgedAt == null) {
            acknowledgedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as PostgreSQL keeps it
        }
    }

    public Long getNoticeId() {
        return noticeId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public OffsetDateTime getReadAt() {
        return readAt;
    }

    public OffsetDateTime getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public static class Key implements Serializable {
        private Long noticeId;
        private Long customerId;

        public Key() {}

        public Key(Long noticeId, Long customerId) {
            this.noticeId = noticeId;
            this.customerId = customerId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(noticeId, key.noticeId)
                    && Objects.equals(customerId, key.customerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(noticeId, customerId);
        }
    }
}

package se.somg.portal.request;

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
import se.somg.portal.Sweden;

/**
 * A customer's request to erase, restrict, object or rectify. It must be answered within one month of filing,
 * extendable once by up to two months with a reason (GDPR art. 12(3)).
 */
@Entity
@Table(name = "subject_request")
public class SubjectRequest implements Serializable {

    public static final int MAX_EXTENSION_MONTHS = 2;

    @Id
    @SequenceGenerator(name = "subject_request_seq", sequenceName = "subject_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subject_request_seq")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private RequestKind kind;

    @Column(length = 2000)
    private String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RequestStatus status = RequestStatus.SUBMITTED;

    @Column(name = "filed_at", nullable = false, updatable = false)
    private OffsetDateTime filedAt;

    @Column(name = "due_at", nullable = false, updatable = false)
    private OffsetDateTime dueAt;

    @Column(name = "extended_due_at")
    private OffsetDateTime extendedDueAt;

    @Column(name = "extension_reason", length = 1000)
    private String extensionReason;

    @Column(length = 1000)
    private String resolution;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    @Column(name = "handled_by", length = 64)
    private String handledBy;

    @Version
    private long version;

    protected SubjectRequest() {}

    public SubjectRequest(Long customerId, RequestKind kind, String message, OffsetDateTime filedAt) {
        this.customerId = customerId;
        this.kind = kind;
        this.message = message;
        this.filedAt = filedAt;
        this.dueAt = inSweden(filedAt).plusMonths(1).toOffsetDateTime();
    }

    /** A month is a calendar month in Sweden, across daylight-saving changes. */
    private static java.time.ZonedDateTime inSweden(OffsetDateTime at) {
        return at.atZoneSameInstant(Sweden.ZONE);
    }

    /** The date that binds now: the extended one if there is one. */
    public OffsetDateTime getEffectiveDueAt() {
        return extendedDueAt == null ? dueAt : extendedDueAt;
    }

    public boolean isOverdueAt(OffsetDateTime now) {
        return status.isOpen() && getEffectiveDueAt().isBefore(now);
    }

    public boolean isExtended() {
        return extendedDueAt != null;
    }

    public void start(String actor) {
        status = RequestStatus.IN_PROGRESS;
        handledBy = actor;
    }

    public void extend(int months, String reason, String actor) {
        extendedDueAt = inSweden(dueAt).plusMonths(months).toOffsetDateTime();
        extensionReason = reason;
        handledBy = actor;
        if (status == RequestStatus.SUBMITTED) {
            status = RequestStatus.IN_PROGRESS;
        }
    }

    /** Done in the portal and told to the platforms holding the person; the officer's note waits for the end. */
    public void awaitPlatforms(String note, String actor) {
        this.status = RequestStatus.CONFIRMING;
        this.resolution = note;
        this.handledBy = actor;
    }

    public boolean isAwaitingPlatforms() {
        return status == RequestStatus.CONFIRMING;
    }

    public void resolve(RequestStatus outcome, String resolution, String actor, OffsetDateTime at) {
        this.status = outcome;
        this.resolution = resolution;
        this.handledBy = actor;
        this.resolvedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public RequestKind getKind() {
        return kind;
    }

    public String getMessage() {
        return message;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public OffsetDateTime getFiledAt() {
        return filedAt;
    }

    public OffsetDateTime getDueAt() {
        return dueAt;
    }

    public OffsetDateTime getExtendedDueAt() {
        return extendedDueAt;
    }

    public String getExtensionReason() {
        return extensionReason;
    }

    public String getResolution() {
        return resolution;
    }

    public OffsetDateTime getResolvedAt() {
        return resolvedAt;
    }

    public String getHandledBy() {
        return handledBy;
    }

    public long getVersion() {
        return version;
    }
}

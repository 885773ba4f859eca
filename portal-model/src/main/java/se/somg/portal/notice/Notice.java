package se.somg.portal.notice;

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
import se.somg.portal.PortalLanguage;
import se.somg.portal.kernel.Platform;

/**
 * A message from SOMG to a group of customers, in Swedish and English. One row whatever the audience: who
 * receives it is decided when a customer reads and when mail goes out.
 */
@Entity
@Table(name = "notice")
public class Notice implements Serializable {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 10000;

    @Id
    @SequenceGenerator(name = "notice_seq", sequenceName = "notice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private NoticeKind kind;

    @Column(name = "title_sv", nullable = false, length = TITLE_MAX)
    private String titleSv;

    @Column(name = "title_en", nullable = false, length = TITLE_MAX)
    private String titleEn;

    @Column(name = "body_sv", nullable = false, length = BODY_MAX)
    private String bodySv;

    @Column(name = "body_en", nullable = false, length = BODY_MAX)
    private String bodyEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private NoticeAudience audience;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience_platform", length = 32)
    private Platform audiencePlatform;

    @Column(name = "audience_purpose_id")
    private Long audiencePurposeId;

    @Column(name = "policy_version")
    private Integer policyVersion;

    @Column(name = "acquirer_name", length = 200)
    private String acquirerName;

    @Column(name = "acquirer_policy_url", length = 500)
    private String acquirerPolicyUrl;

    @Column(name = "publish_at", nullable = false)
    private OffsetDateTime publishAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "mailing_done_at")
    private OffsetDateTime mailingDoneAt;

    @Version
    private long version;

    protected Notice() {}

    public Notice(
            NoticeKind kind,
            String titleSv,
            String titleEn,
            String bodySv,
            String bodyEn,
            NoticeAudience audience,
            OffsetDateTime publishAt,
            OffsetDateTime createdAt,
            String createdBy) {
        this.kind = kind;
        this.titleSv = titleSv;
        this.titleEn = titleEn;
        this.bodySv = bodySv;
        this.bodyEn = bodyEn;
        this.audience = audience;
        this.publishAt = publishAt;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public String title(String language) {
        return PortalLanguage.of(language).pick(titleSv, titleEn);
    }

    public String body(String language) {
        return PortalLanguage.of(language).pick(bodySv, bodyEn);
    }

    public void mailingDone(OffsetDateTime at) {
        mailingDoneAt = at;
    }

    public void setAudiencePlatform(Platform audiencePlatform) {
        this.audiencePlatform = audiencePlatform;
    }

    public void setAudiencePurposeId(Long audiencePurposeId) {
        this.audiencePurposeId = audiencePurposeId;
    }

    public void setPolicyVersion(Integer policyVersion) {
        this.policyVersion = policyVersion;
    }

    public void setAcquirer(String name, String policyUrl) {
        this.acquirerName = name;
        this.acquirerPolicyUrl = policyUrl;
    }

    public Long getId() {
        return id;
    }

    public NoticeKind getKind() {
        return kind;
    }

    public String getTitleSv() {
        return titleSv;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getBodySv() {
        return bodySv;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public NoticeAudience getAudience() {
        return audience;
    }

    public Platform getAudiencePlatform() {
        return audiencePlatform;
    }

    public Long getAudiencePurposeId() {
        return audiencePurposeId;
    }

    public Integer getPolicyVersion() {
        return policyVersion;
    }

    public String getAcquirerName() {
        return acquirerName;
    }

    public String getAcquirerPolicyUrl() {
        return acquirerPolicyUrl;
    }

    public OffsetDateTime getPublishAt() {
        return publishAt;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getMailingDoneAt() {
        return mailingDoneAt;
    }

    /** The same notice, written again: same kind, texts, audience and time, by the same person. */
    public boolean isSameAs(Notice other) {
        return kind == other.kind
                && java.util.Objects.equals(titleSv, other.titleSv)
                && java.util.Objects.equals(titleEn, other.titleEn)
                && java.util.Objects.equals(bodySv, other.bodySv)
                && java.util.Objects.equals(bodyEn, other.bodyEn)
                && audience == other.audience
                && audiencePlatform == other.audiencePlatform
                && java.util.Objects.equals(audiencePurposeId, other.audiencePurposeId)
                && java.util.Objects.equals(policyVersion, other.policyVersion)
                && java.util.Objects.equals(acquirerName, other.acquirerName)
                && java.util.Objects.equals(createdBy, other.createdBy)
                && (publishAt == null
                        ? other.publishAt == null
                        : other.publishAt != null
                                && publishAt
                                        .toInstant()
                                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                                        .equals(other.publishAt
                                                .toInstant()
                                                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)));
    }

    public boolean isNeedsAcknowledgement() {
        return kind.needsAcknowledgement();
    }

    public long getVersion() {
        return version;
    }
}

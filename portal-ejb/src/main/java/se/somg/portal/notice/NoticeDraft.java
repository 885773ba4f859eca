package se.somg.portal.notice;

import java.io.Serializable;
import java.time.OffsetDateTime;
import se.somg.portal.kernel.Platform;

/** What the communications staff fill in before a notice is published; the compose form binds to it. */
public class NoticeDraft implements Serializable {

    private NoticeKind kind = NoticeKind.OPERATIONAL;
    private String titleSv;
    private String titleEn;
    private String bodySv;
    private String bodyEn;
    private NoticeAudience audience = NoticeAudience.ALL;
    private Platform platform;
    private String purposeCode;
    private Integer policyVersion;
    private String acquirerName;
    private String acquirerPolicyUrl;
    /** Null: publish at once. */
    private OffsetDateTime publishAt;

    public NoticeKind getKind() {
        return kind;
    }

    public void setKind(NoticeKind kind) {
        this.kind = kind;
    }

    public String getTitleSv() {
        return titleSv;
    }

    public void setTitleSv(String titleSv) {
        this.titleSv = titleSv;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getBodySv() {
        return bodySv;
    }

    public void setBodySv(String bodySv) {
        this.bodySv = bodySv;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public void setBodyEn(String bodyEn) {
        this.bodyEn = bodyEn;
    }

    public NoticeAudience getAudience() {
        return audience;
    }

    public void setAudience(NoticeAudience audience) {
        this.audience = audience;
    }

    public Platform getPlatform() {
        return platform;
    }

    public void setPlatform(Platform platform) {
        this.platform = platform;
    }

    public String getPurposeCode() {
        return purposeCode;
    }

    public void setPurposeCode(String purposeCode) {
        this.purposeCode = purposeCode;
    }

    public Integer getPolicyVersion() {
        return policyVersion;
    }

    public void setPolicyVersion(Integer policyVersion) {
        this.policyVersion = policyVersion;
    }

    public String getAcquirerName() {
        return acquirerName;
    }

    public void setAcquirerName(String acquirerName) {
        this.acquirerName = acquirerName;
    }

    public String getAcquirerPolicyUrl() {
        return acquirerPolicyUrl;
    }

    public void setAcquirerPolicyUrl(String acquirerPolicyUrl) {
        this.acquirerPolicyUrl = acquirerPolicyUrl;
    }

    public OffsetDateTime getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(OffsetDateTime publishAt) {
        this.publishAt = publishAt;
    }
}

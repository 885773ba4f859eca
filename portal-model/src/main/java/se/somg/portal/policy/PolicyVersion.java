package se.somg.portal.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import se.somg.portal.PortalLanguage;
import se.somg.portal.consent.ConsentPurpose;

/**
 * One version of the privacy policy (§12): its text in Swedish and English, when it takes effect, what changed,
 * and the consent purposes whose processing changed, so that customers are asked again.
 */
@Entity
@Table(name = "policy_version")
public class PolicyVersion implements Serializable {

    @Id
    private Integer number;

    @Column(name = "effective_from", nullable = false, updatable = false)
    private OffsetDateTime effectiveFrom;

    @Column(name = "text_sv", nullable = false, updatable = false, columnDefinition = "TEXT")
    private String textSv;

    @Column(name = "text_en", nullable = false, updatable = false, columnDefinition = "TEXT")
    private String textEn;

    @Column(name = "summary_sv", nullable = false, updatable = false, length = 1000)
    private String summarySv;

    @Column(name = "summary_en", nullable = false, updatable = false, length = 1000)
    private String summaryEn;

    @Column(name = "published_at", nullable = false, updatable = false)
    private OffsetDateTime publishedAt;

    @Column(name = "published_by", nullable = false, updatable = false, length = 64)
    private String publishedBy;

    @ManyToMany
    @JoinTable(
            name = "policy_version_reconsent",
            joinColumns = @JoinColumn(name = "version_number"),
            inverseJoinColumns = @JoinColumn(name = "purpose_id"))
    private Set<ConsentPurpose> reconsentPurposes = new LinkedHashSet<>();

    protected PolicyVersion() {}

    public PolicyVersion(
            int number,
            OffsetDateTime effectiveFrom,
            String textSv,
            String textEn,
            String summarySv,
            String summaryEn,
            Set<ConsentPurpose> reconsentPurposes,
            OffsetDateTime publishedAt,
            String publishedBy) {
        this.number = number;
        this.effectiveFrom = effectiveFrom;
        this.textSv = textSv;
        this.textEn = textEn;
        this.summarySv = summarySv;
        this.summaryEn = summaryEn;
        this.reconsentPurposes = new LinkedHashSet<>(reconsentPurposes);
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
    }

    public String text(String language) {
        return PortalLanguage.of(language).pick(textSv, textEn);
    }

    public String summary(String language) {
        return PortalLanguage.of(language).pick(summarySv, summaryEn);
    }

    public boolean isEffectiveAt(OffsetDateTime at) {
        return !effectiveFrom.isAfter(at);
    }

    public Integer getNumber() {
        return number;
    }

    public OffsetDateTime getEffectiveFrom() {
        return effectiveFrom;
    }

    public OffsetDateTime getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public Set<ConsentPurpose> getReconsentPurposes() {
        return reconsentPurposes;
    }
}

package se.somg.portal.profile;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import se.somg.portal.kernel.Platform;

/** A picture of the customer used in a campaign (policy §5.1 "bilder"); they can see it and ask for deletion. */
@Entity
@Table(name = "campaign_image")
public class CampaignImage implements Serializable {

    @Id
    @SequenceGenerator(name = "campaign_image_seq", sequenceName = "campaign_image_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_image_seq")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(nullable = false, length = 120)
    private String campaign;

    @Column(name = "content_type", nullable = false, length = 40)
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Platform platform;

    @Column(name = "collected_at", nullable = false)
    private OffsetDateTime collectedAt;

    @Column(name = "deletion_requested_at")
    private OffsetDateTime deletionRequestedAt;

    protected CampaignImage() {}

    public CampaignImage(
            Long customerId,
            String campaign,
            String contentType,
            byte[] content,
            Platform platform,
            OffsetDateTime collectedAt) {
        this.customerId = customerId;
        this.campaign = campaign;
        this.contentType = contentType;
        this.content = content;
        this.platform = platform;
        this.collectedAt = collectedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getCampaign() {
        return campaign;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getContent() {
        return content;
    }

    public Platform getPlatform() {
        return platform;
    }

    public OffsetDateTime getCollectedAt() {
        return collectedAt;
    }

    public OffsetDateTime getDeletionRequestedAt() {
        return deletionRequestedAt;
    }

    public boolean isDeletionRequested() {
        return deletionRequestedAt != null;
    }

    public void requestDeletion(OffsetDateTime at) {
        if (deletionRequestedAt == null) {
            deletionRequestedAt = at;
        }
    }
}

package se.somg.portal.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.time.OffsetDateTime;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.Platform;

/** Where, how and when a datum was collected (policy §1: the platform; §5.2: the circumstance). */
@Embeddable
public class Provenance implements Serializable {

    @Enumerated(EnumType.STRING)
    @Column(name = "platform", nullable = false, length = 32)
    private Platform platform;

    @Enumerated(EnumType.STRING)
    @Column(name = "circumstance", nullable = false, length = 32)
    private CollectionCircumstance circumstance;

    @Column(name = "collected_at", nullable = false)
    private OffsetDateTime collectedAt;

    protected Provenance() {}

    public Provenance(Platform platform, CollectionCircumstance circumstance, OffsetDateTime collectedAt) {
        this.platform = platform;
        this.circumstance = circumstance;
        this.collectedAt = collectedAt;
    }

    public Platform getPlatform() {
        return platform;
    }

    public CollectionCircumstance getCircumstance() {
        return circumstance;
    }

    public OffsetDateTime getCollectedAt() {
        return collectedAt;
    }
}

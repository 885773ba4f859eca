package se.somg.portal.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** Where and how one datum of a customer was collected (policy §1 and §5.2). */
@Entity
@Table(name = "datum_source")
public class DatumSource {

    @Id
    @SequenceGenerator(name = "datum_source_seq", sequenceName = "datum_source_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "datum_source_seq")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 40)
    private ProfileField field;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Platform platform;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private CollectionCircumstance circumstance;

    @Column(name = "collected_at", nullable = false)
    private OffsetDateTime collectedAt;

    protected DatumSource() {
    }

    public DatumSource(Long customerId, ProfileField field, Platform platform, CollectionCircumstance circumstance,
                       OffsetDateTime collectedAt) {
        this.customerId = customerId;
        this.field = field;
        this.platform = platform;
        this.circumstance = circumstance;
        this.collectedAt = collectedAt;
    }

    public void recollect(Platform platform, CollectionCircumstance circumstance, OffsetDateTime at) {
        this.platform = platform;
        this.circumstance = circumstance;
        this.collectedAt = at;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public ProfileField getField() {
        return field;
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

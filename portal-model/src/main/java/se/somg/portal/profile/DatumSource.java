package se.somg.portal.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.Platform;

/** Where and how one datum of a customer was collected (policy §1 and §5.2). */
@Entity
@Table(name = "datum_source")
public class DatumSource implements Serializable {

    @Id
    @SequenceGenerator(name = "datum_source_seq", sequenceName = "datum_source_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "datum_source_seq")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 40)
    private ProfileField field;

    @Embedded
    private Provenance provenance;

    protected DatumSource() {}

    public DatumSource(
            Long customerId,
            ProfileField field,
            Platform platform,
            CollectionCircumstance circumstance,
            OffsetDateTime collectedAt) {
        this.customerId = customerId;
        this.field = field;
        this.provenance = new Provenance(platform, circumstance, collectedAt);
    }

    public void recollect(Platform platform, CollectionCircumstance circumstance, OffsetDateTime at) {
        this.provenance = new Provenance(platform, circumstance, at);
    }

    public Provenance getProvenance() {
        return provenance;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public ProfileField getField() {
        return field;
    }
}

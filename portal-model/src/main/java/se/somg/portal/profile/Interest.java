package se.somg.portal.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.Platform;

/** An interest or need we noted from the customer's contacts with us (policy §5.1); they may remove it. */
@Entity
@Table(name = "interest")
public class Interest implements Serializable {

    @Id
    @SequenceGenerator(name = "interest_seq", sequenceName = "interest_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "interest_seq")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(nullable = false, length = 60)
    private String tag;

    @Embedded
    private Provenance provenance;

    protected Interest() {}

    public Interest(
            Long customerId,
            String tag,
            Platform platform,
            CollectionCircumstance circumstance,
            OffsetDateTime collectedAt) {
        this.customerId = customerId;
        this.tag = tag;
        this.provenance = new Provenance(platform, circumstance, collectedAt);
    }

    public Provenance getProvenance() {
        return provenance;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getTag() {
        return tag;
    }
}

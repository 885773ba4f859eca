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

/** An interest or need we noted from the customer's contacts with us (policy §5.1); they may remove it. */
@Entity
@Table(name = "interest")
public class Interest {

    @Id
    @SequenceGenerator(name = "interest_seq", sequenceName = "interest_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "interest_seq")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(nullable = false, length = 60)
    private String tag;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Platform platform;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private CollectionCircumstance circumstance;

    @Column(name = "collected_at", nullable = false)
    private OffsetDateTime collectedAt;

    protected Interest() {
    }

    public Interest(Long customerId, String tag, Platform platform, CollectionCircumstance circumstance, OffsetDateTime collectedAt) {
        this.customerId = customerId;
        this.tag = tag;
        this.platform = platform;
        this.circumstance = circumstance;
        this.collectedAt = collectedAt;
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

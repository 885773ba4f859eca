package se.somg.portal.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Personal data handed to an authority because the law required it (policy §5.6). Append-only; the customer
 * sees it as a recipient in their register extract.
 */
@Entity
@Table(name = "lawful_disclosure")
public class LawfulDisclosure implements Serializable {

    @Id
    @SequenceGenerator(name = "lawful_disclosure_seq", sequenceName = "lawful_disclosure_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lawful_disclosure_seq")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(nullable = false, updatable = false, length = 200)
    private String recipient;

    @Column(name = "legal_ground", nullable = false, updatable = false, length = 500)
    private String legalGround;

    @Column(name = "disclosed_on", nullable = false, updatable = false)
    private LocalDate disclosedOn;

    @Column(nullable = false, updatable = false, length = 500)
    private String categories;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = 64)
    private String recordedBy;

    protected LawfulDisclosure() {}

    public LawfulDisclosure(
            Long customerId,
            String recipient,
            String legalGround,
            LocalDate disclosedOn,
            String categories,
            OffsetDateTime recordedAt,
            String recordedBy) {
        this.customerId = customerId;
        this.recipient = recipient;
        this.legalGround = legalGround;
        this.disclosedOn = disclosedOn;
        this.categories = categories;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getLegalGround() {
        return legalGround;
    }

    public LocalDate getDisclosedOn() {
        return disclosedOn;
    }

    public String getCategories() {
        return categories;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}

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
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One change to a customer's data (policy §7, right to rectification), append-only: which field, when, and
 * by whom. The old value is deliberately not kept (data minimisation).
 */
@Entity
@Table(name = "rectification")
public class Rectification implements Serializable {

    public static final String BY_CUSTOMER = "CUSTOMER";

    @Id
    @SequenceGenerator(name = "rectification_seq", sequenceName = "rectification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rectification_seq")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 40)
    private ProfileField field;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private OffsetDateTime changedAt;

    /** "CUSTOMER", or the staff member's role and credential id. */
    @Column(name = "changed_by", nullable = false, updatable = false, length = 64)
    private String changedBy;

    protected Rectification() {}

    public Rectification(Long customerId, ProfileField field, OffsetDateTime changedAt, String changedBy) {
        this.customerId = customerId;
        this.field = field;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public ProfileField getField() {
        return field;
    }

    public OffsetDateTime getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public boolean isByCustomer() {
        return BY_CUSTOMER.equals(changedBy);
    }
}

package se.somg.portal.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One consent given or withdrawn, append-only: the proof the law asks for (who, what, when, under which policy, how). */
@Entity
@Table(name = "consent_event")
public class ConsentEvent implements Serializable {

    @Id
    @SequenceGenerator(name = "consent_event_seq", sequenceName = "consent_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_event_seq")
    private Long id;

    @Column(name = "receipt_id", nullable = false, updatable = false, unique = true)
    private UUID receiptId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "purpose_id", nullable = false, updatable = false)
    private ConsentPurpose purpose;

    @Column(nullable = false, updatable = false)
    private boolean given;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "policy_version", nullable = false, updatable = false)
    private int policyVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private ConsentMethod method;

    @Column(name = "staff_actor", updatable = false, length = 64)
    private String staffActor;

    protected ConsentEvent() {}

    public ConsentEvent(
            Long customerId,
            ConsentPurpose purpose,
            boolean given,
            OffsetDateTime occurredAt,
            int policyVersion,
            ConsentMethod method,
            String staffActor) {
        this.receiptId = UUID.randomUUID();
        this.customerId = customerId;
        this.purpose = purpose;
        this.given = given;
        this.occurredAt = occurredAt;
        this.policyVersion = policyVersion;
        this.method = method;
        this.staffActor = staffActor;
    }

    public Long getId() {
        return id;
    }

    public UUID getReceiptId() {
        return receiptId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public ConsentPurpose getPurpose() {
        return purpose;
    }

    public boolean isGiven() {
        return given;
    }

    public OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    public int getPolicyVersion() {
        return policyVersion;
    }

    public ConsentMethod getMethod() {
        return method;
    }

    public String getStaffActor() {
        return staffActor;
    }
}

package se.somg.portal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One thing that happened to personal data, append-only: who (a credential id and role, never a name or an
 * IP address), what, and about which customer.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent implements Serializable {

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "actor", nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(name = "action", nullable = false, updatable = false, length = 64)
    private String action;

    @Column(name = "customer_id", updatable = false)
    private Long customerId;

    @Column(name = "detail", updatable = false, length = 500)
    private String detail;

    protected AuditEvent() {}

    public AuditEvent(OffsetDateTime occurredAt, String actor, String action, Long customerId, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.customerId = customerId;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getDetail() {
        return detail;
    }
}

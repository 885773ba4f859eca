package se.somg.portal.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;

/** A customer's current consent to one purpose, kept beside the events in the same transaction. */
@Entity
@Table(name = "consent")
public class Consent implements Serializable {

    @Id
    @SequenceGenerator(name = "consent_seq", sequenceName = "consent_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_seq")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "purpose_id", nullable = false, updatable = false)
    private ConsentPurpose purpose;

    @Column(nullable = false)
    private boolean given;

    @ManyToOne
    @JoinColumn(name = "last_event_id")
    private ConsentEvent lastEvent;

    @Version
    private long version;

    protected Consent() {}

    public Consent(Long customerId, ConsentPurpose purpose) {
        this.customerId = customerId;
        this.purpose = purpose;
    }

    public void record(ConsentEvent event) {
        this.given = event.isGiven();
        this.lastEvent = event;
    }

    public Long getId() {
        return id;
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

    public ConsentEvent getLastEvent() {
        return lastEvent;
    }
}

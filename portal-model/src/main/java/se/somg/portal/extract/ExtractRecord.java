package se.somg.portal.extract;

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

/** One register extract the portal issued: the SHA-256 of its exact bytes lets the customer prove it later. */
@Entity
@Table(name = "extract_record")
public class ExtractRecord implements Serializable {

    @Id
    @SequenceGenerator(name = "extract_record_seq", sequenceName = "extract_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "extract_record_seq")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private ExtractFormat format;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private OffsetDateTime issuedAt;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    protected ExtractRecord() {}

    public ExtractRecord(Long customerId, ExtractFormat format, OffsetDateTime issuedAt, String sha256) {
        this.customerId = customerId;
        this.format = format;
        this.issuedAt = issuedAt;
        this.sha256 = sha256;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public ExtractFormat getFormat() {
        return format;
    }

    public OffsetDateTime getIssuedAt() {
        return issuedAt;
    }

    public String getSha256() {
        return sha256;
    }
}

package se.somg.portal.account;

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
 * One of the single-use codes that stand in for a lost second factor. Shown to the owner once; kept only as a SHA-256
 * (each code has 60 random bits, and wrong codes are throttled like passwords).
 */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode implements Serializable {

    @Id
    @SequenceGenerator(name = "recovery_code_seq", sequenceName = "recovery_code_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recovery_code_seq")
    private Long id;

    @Column(name = "credential_id", nullable = false, updatable = false)
    private Long credentialId;

    @Column(name = "code_hash", nullable = false, updatable = false, length = 64)
    private String codeHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected RecoveryCode() {}

    public RecoveryCode(long credentialId, String codeHash, OffsetDateTime createdAt) {
        this.credentialId = credentialId;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public void use(OffsetDateTime at) {
        usedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getCodeHash() {
        return codeHash;
    }
}

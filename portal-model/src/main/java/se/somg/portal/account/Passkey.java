package se.somg.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A passkey (a WebAuthn public-key credential) of one account: its id as the authenticator names it (base64url), the
 * public key with its attested data as the authenticator sent it, and the signature counter. No private key, nothing
 * that signs anyone in.
 */
@Entity
@Table(name = "passkey")
@NamedQuery(name = Passkey.BY_KEY_ID, query = "SELECT p FROM Passkey p WHERE p.keyId = :keyId")
@NamedQuery(
        name = Passkey.OF_ACCOUNT,
        query = "SELECT p FROM Passkey p WHERE p.credentialId = :credentialId ORDER BY p.createdAt, p.id")
public class Passkey implements Serializable {

    public static final String BY_KEY_ID = "Passkey.byKeyId";
    public static final String OF_ACCOUNT = "Passkey.ofAccount";
    public static final int NAME_LENGTH = 60;

    @Id
    @SequenceGenerator(name = "passkey_seq", sequenceName = "passkey_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "passkey_seq")
    private Long id;

    @Column(name = "credential_id", nullable = false, updatable = false)
    private Long credentialId;

    @Column(name = "key_id", nullable = false, updatable = false, unique = true, length = 1400)
    private String keyId;

    @Column(name = "attested_data", nullable = false, updatable = false)
    private byte[] attestedData;

    @Column(name = "sign_count", nullable = false)
    private long signCount;

    @Column(name = "name", nullable = false, length = NAME_LENGTH)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    protected Passkey() {}

    public Passkey(
            long credentialId, String keyId, byte[] attestedData, long signCount, String name, OffsetDateTime at) {
        this.credentialId = credentialId;
        this.keyId = keyId;
        this.attestedData = attestedData.clone();
        this.signCount = signCount;
        this.name = name;
        this.createdAt = at;
    }

    public void used(long newSignCount, OffsetDateTime at) {
        signCount = newSignCount;
        lastUsedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getCredentialId() {
        return credentialId;
    }

    public String getKeyId() {
        return keyId;
    }

    public byte[] getAttestedData() {
        return attestedData.clone();
    }

    public long getSignCount() {
        return signCount;
    }

    public String getName() {
        return name;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }
}

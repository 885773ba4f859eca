package se.somg.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A browser its owner has signed in with: it holds a random token in the {@code portal_device} cookie, stored here
 * only as a SHA-256. Someone else's guessing slows the account down, not this browser; its own wrong passwords
 * count here, and after {@value #MAX_FAILURES} it is trusted no longer. Its owner may also mark it as trusted for
 * the second factor. No network address, no browser details.
 */
@Entity
@Table(name = "trusted_device")
@NamedQuery(name = TrustedDevice.BY_TOKEN, query = "SELECT d FROM TrustedDevice d WHERE d.tokenHash = :hash")
public class TrustedDevice implements Serializable {

    public static final String BY_TOKEN = "TrustedDevice.byToken";
    public static final int MAX_FAILURES = 5;

    @Id
    @SequenceGenerator(name = "trusted_device_seq", sequenceName = "trusted_device_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trusted_device_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "credential_id", nullable = false, updatable = false)
    private Credential credential;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_used_at", nullable = false)
    private OffsetDateTime lastUsedAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    /** The owner chose not to be asked for a second factor in this browser. */
    @Column(name = "skips_second_factor", nullable = false)
    private boolean skipsSecondFactor;

    protected TrustedDevice() {}

    public TrustedDevice(Credential credential, String tokenHash, OffsetDateTime at) {
        this.credential = credential;
        this.tokenHash = tokenHash;
        this.createdAt = at;
        this.lastUsedAt = at;
    }

    public long getCredentialId() {
        return credential.getId();
    }

    public void used(OffsetDateTime at) {
        lastUsedAt = at;
        failedAttempts = 0;
    }

    /** @return whether this browser has now failed too often to be trusted */
    public boolean failed() {
        return ++failedAttempts >= MAX_FAILURES;
    }

    public Long getId() {
        return id;
    }

    public boolean skipsSecondFactor() {
        return skipsSecondFactor;
    }

    public void skipSecondFactor() {
        skipsSecondFactor = true;
    }
}

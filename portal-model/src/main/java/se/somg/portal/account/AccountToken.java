package se.somg.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * A single-use link sent by e-mail. Only the SHA-256 of the secret is stored, so a copy of the database
 * opens no account.
 */
@Entity
@Table(name = "account_token")
@NamedQuery(name = AccountToken.BY_HASH, query = "SELECT t FROM AccountToken t WHERE t.tokenHash = :hash")
public class AccountToken implements Serializable {

    public static final String BY_HASH = "AccountToken.byHash";

    @Id
    @SequenceGenerator(name = "account_token_seq", sequenceName = "account_token_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_token_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "credential_id", nullable = false)
    private Credential credential;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private TokenPurpose purpose;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(name = "new_email", length = 254)
    private String newEmail;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected AccountToken() {}

    public AccountToken(
            Credential credential, TokenPurpose purpose, String tokenHash, String newEmail, OffsetDateTime now) {
        this.credential = credential;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.newEmail = newEmail;
        this.createdAt = now;
        this.expiresAt = now.plus(purpose.getValidity());
    }

    public boolean isUsableAt(OffsetDateTime now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    public void use(OffsetDateTime now) {
        usedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Credential getCredential() {
        return credential;
    }

    public TokenPurpose getPurpose() {
        return purpose;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public OffsetDateTime getUsedAt() {
        return usedAt;
    }

    /** Lets tests and support tooling move the expiry; the service never extends a token. */
    public void setExpiresAt(OffsetDateTime expiresAt) {
        this.expiresAt = expiresAt;
    }
}

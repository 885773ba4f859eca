package se.somg.portal.account;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * What a person signs in with: the e-mail address, a PBKDF2 password hash and one role. The failed-attempt
 * counter and lock belong to the account, never to a network address (policy §5.1).
 */
@Entity
@Table(name = "credential")
@NamedQuery(name = Credential.BY_EMAIL, query = "SELECT c FROM Credential c WHERE c.email = :email")
public class Credential implements Serializable {

    public static final String BY_EMAIL = "Credential.byEmail";
    public static final int MAX_FAILED_ATTEMPTS = 5;

    @Id
    @SequenceGenerator(name = "credential_seq", sequenceName = "credential_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credential_seq")
    private Long id;

    /** None once the account is erased: an erased account holds no value anyone else could take. */
    @Email
    @Size(max = 254)
    @Column(unique = true, length = 254)
    private String email;

    @NotNull
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Role role;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** When the owner proved the e-mail address is theirs; an unconfirmed account cannot log in. */
    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    @Version
    private long version;

    protected Credential() {
    }

    public Credential(String email, String passwordHash, Role role, OffsetDateTime createdAt) {
        this.email = normalise(email);
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    /** E-mail addresses are compared case-insensitively and without surrounding blanks. */
    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isLockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed attempt; the fifth in a row locks the account until {@code now + lockFor}. */
    public void recordFailure(OffsetDateTime now, java.time.Duration lockFor) {
        failedAttempts++;
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
            lockedUntil = now.plus(lockFor);
            failedAttempts = 0;
        }
    }

    public void recordSuccess() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }

    public void setLockedUntil(OffsetDateTime lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public OffsetDateTime getConfirmedAt() {
        return confirmedAt;
    }

    public void confirm(OffsetDateTime at) {
        if (confirmedAt == null) {
            confirmedAt = at;
        }
    }

    public void changeEmail(String newEmail) {
        this.email = normalise(newEmail);
    }

    public long getVersion() {
        return version;
    }
}

package se.somg.portal.account;

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
import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * What a person signs in with: the e-mail address, a PBKDF2 password hash and whether it is a customer's or a staff
 * member's account (never both; a staff member's roles are {@link StaffMember#getRoles()}). The failed-attempt
 * counters (passwords and second-factor codes) and the delays they impose belong to the account, never to a network
 * address (policy §5.1).
 */
@Entity
@Table(name = "credential")
@NamedQuery(name = Credential.BY_EMAIL, query = "SELECT c FROM Credential c WHERE c.email = :email")
public class Credential implements Serializable {

    public static final String BY_EMAIL = "Credential.byEmail";
    /** Wrong passwords in a row before each attempt has to wait. */
    public static final int FREE_ATTEMPTS = 5;

    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration LONGEST_DELAY = Duration.ofMinutes(15);

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

    /** A customer's account or a staff member's: an address is one or the other, never both. */
    public enum Kind {
        CUSTOMER,
        STAFF
    }

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    /** Until then a password for this account is not even checked, except from a trusted device. */
    @Column(name = "throttled_until")
    private OffsetDateTime throttledUntil;

    /** Wrong second-factor codes in a row; they slow the account down exactly as wrong passwords do. */
    @Column(name = "failed_codes", nullable = false)
    private int failedCodes;

    @Column(name = "codes_throttled_until")
    private OffsetDateTime codesThrottledUntil;

    /** The random WebAuthn user handle of this account's passkeys (base64url); no personal data. */
    @Column(name = "passkey_user_handle", length = 43, unique = true)
    private String passkeyUserHandle;

    @Column(name = "guessing_reported_at")
    private OffsetDateTime guessingReportedAt;

    /** A session signed in under an older generation is over (password or address changed, erased, logged out everywhere). */
    @Column(name = "session_generation", nullable = false)
    private int sessionGeneration;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** When the owner proved the e-mail address is theirs; an unconfirmed account cannot log in. */
    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    @Version
    private long version;

    protected Credential() {}

    public Credential(String email, String passwordHash, Kind kind, OffsetDateTime createdAt) {
        this.email = normalise(email);
        this.passwordHash = passwordHash;
        this.kind = kind;
        this.createdAt = createdAt;
    }

    /** E-mail addresses are compared case-insensitively and without surrounding blanks. */
    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isThrottledAt(OffsetDateTime now) {
        return throttledUntil != null && throttledUntil.isAfter(now);
    }

    /**
     * How long the account waits after this many failures in a row: nothing for the first
     * {@value #FREE_ATTEMPTS}-1, then 30 s, doubling with each failure, at most 15 minutes.
     */
    public static Duration delayAfter(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 10);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }

    /** Counts a failed attempt; from the {@value #FREE_ATTEMPTS}th in a row on, the account waits ({@link #delayAfter}). */
    public void recordFailure(OffsetDateTime now) {
        failedAttempts++;
        Duration delay = delayAfter(failedAttempts);
        throttledUntil = delay.isZero() ? null : now.plus(delay);
    }

    /** Whether the owner should now be told someone is guessing: throttling started, and not told in the last day. */
    public boolean isGuessingToReport(OffsetDateTime now) {
        return failedAttempts >= FREE_ATTEMPTS
                && (guessingReportedAt == null || guessingReportedAt.isBefore(now.minusDays(1)));
    }

    public void guessingReported(OffsetDateTime at) {
        guessingReportedAt = at;
    }

    public void recordSuccess() {
        failedAttempts = 0;
        throttledUntil = null;
    }

    public boolean isCodeThrottledAt(OffsetDateTime now) {
        return codesThrottledUntil != null && codesThrottledUntil.isAfter(now);
    }

    /** A wrong second-factor code: the same growing delays as wrong passwords ({@link #delayAfter}). */
    public void recordCodeFailure(OffsetDateTime now) {
        failedCodes++;
        Duration delay = delayAfter(failedCodes);
        codesThrottledUntil = delay.isZero() ? null : now.plus(delay);
    }

    public void recordCodeSuccess() {
        failedCodes = 0;
        codesThrottledUntil = null;
    }

    public int getFailedCodes() {
        return failedCodes;
    }

    public String getPasskeyUserHandle() {
        return passkeyUserHandle;
    }

    public void setPasskeyUserHandle(String passkeyUserHandle) {
        this.passkeyUserHandle = passkeyUserHandle;
    }

    /** Ends every session signed in so far. @return the generation a session must now carry */
    public int endSessions() {
        return ++sessionGeneration;
    }

    public int getSessionGeneration() {
        return sessionGeneration;
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

    public Kind getKind() {
        return kind;
    }

    public boolean isCustomer() {
        return kind == Kind.CUSTOMER;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public OffsetDateTime getThrottledUntil() {
        return throttledUntil;
    }

    public void setThrottledUntil(OffsetDateTime throttledUntil) {
        this.throttledUntil = throttledUntil;
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

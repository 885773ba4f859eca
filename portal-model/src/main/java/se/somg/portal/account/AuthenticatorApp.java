package se.somg.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * An authenticator app (TOTP, RFC 6238) of one account. The key has to be readable to check a code, so it is kept as
 * the app has it (base32); it opens nothing without the password. It counts only once its owner has typed a first
 * code ({@link #isEnabled}). The newest time step used is kept, so a code is accepted once.
 */
@Entity
@Table(name = "authenticator_app")
public class AuthenticatorApp implements Serializable {

    @Id
    @Column(name = "credential_id")
    private Long credentialId;

    @Column(name = "secret", nullable = false, length = 64)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "enabled_at")
    private OffsetDateTime enabledAt;

    @Column(name = "last_step", nullable = false)
    private long lastStep;

    /**
     * Only for a key that is public anyway (the demo staff's, printed in the README): codes may be used again within
     * their 30 seconds, so that several people trying the demo can sign in at once. Never set for a real enrolment.
     */
    @Column(name = "codes_reusable", nullable = false)
    private boolean codesReusable;

    @Version
    private long version;

    protected AuthenticatorApp() {}

    public AuthenticatorApp(long credentialId, String secret, OffsetDateTime createdAt) {
        this.credentialId = credentialId;
        this.secret = secret;
        this.createdAt = createdAt;
    }

    public boolean isEnabled() {
        return enabledAt != null;
    }

    public void enable(OffsetDateTime at) {
        enabledAt = at;
    }

    /** @return whether a code of this time step may still be used; if so, it is used up now */
    public boolean use(long step) {
        if (step <= lastStep && !codesReusable) {
            return false;
        }
        lastStep = Math.max(lastStep, step);
        return true;
    }

    public void allowReusedCodes() {
        codesReusable = true;
    }

    public Long getCredentialId() {
        return credentialId;
    }

    public String getSecret() {
        return secret;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getEnabledAt() {
        return enabledAt;
    }

    public long getLastStep() {
        return lastStep;
    }
}

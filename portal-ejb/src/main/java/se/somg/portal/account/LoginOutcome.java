package se.somg.portal.account;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** How a login attempt ended. A refusal never says whether the e-mail or the password was wrong. */
public final class LoginOutcome implements Serializable {

    public enum Kind { SUCCEEDED, REFUSED, LOCKED, UNCONFIRMED, BUSY, UNAVAILABLE }

    private final Kind kind;
    private final Long credentialId;
    private final Role role;
    private final OffsetDateTime lockedUntil;

    private LoginOutcome(Kind kind, Long credentialId, Role role, OffsetDateTime lockedUntil) {
        this.kind = kind;
        this.credentialId = credentialId;
        this.role = role;
        this.lockedUntil = lockedUntil;
    }

    public static LoginOutcome succeeded(Long credentialId, Role role) {
        return new LoginOutcome(Kind.SUCCEEDED, Objects.requireNonNull(credentialId), Objects.requireNonNull(role), null);
    }

    public static LoginOutcome refused() {
        return new LoginOutcome(Kind.REFUSED, null, null, null);
    }

    /** The password was right but the e-mail address is not confirmed yet: only its owner learns this. */
    public static LoginOutcome unconfirmed() {
        return new LoginOutcome(Kind.UNCONFIRMED, null, null, null);
    }

    /** Too many logins are being checked at once; nothing was checked or counted. */
    public static LoginOutcome busy() {
        return new LoginOutcome(Kind.BUSY, null, null, null);
    }

    /** The database could not be reached; nothing was checked or counted. */
    public static LoginOutcome unavailable() {
        return new LoginOutcome(Kind.UNAVAILABLE, null, null, null);
    }

    public static LoginOutcome locked(OffsetDateTime until) {
        return new LoginOutcome(Kind.LOCKED, null, null, Objects.requireNonNull(until));
    }

    public Kind getKind() {
        return kind;
    }

    public Long getCredentialId() {
        return credentialId;
    }

    public Role getRole() {
        return role;
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }
}

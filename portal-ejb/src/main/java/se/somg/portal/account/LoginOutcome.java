package se.somg.portal.account;

import java.io.Serializable;
import java.util.Objects;

/** How a login attempt ended. A refusal never says whether the e-mail or the password was wrong. */
public final class LoginOutcome implements Serializable {

    public enum Kind {
        SUCCEEDED,
        REFUSED,
        UNCONFIRMED,
        BUSY,
        UNAVAILABLE
    }

    private final Kind kind;
    private final Long credentialId;
    private final Role role;
    private final int sessionGeneration;
    private final String deviceToken;

    private LoginOutcome(Kind kind, Long credentialId, Role role, int sessionGeneration, String deviceToken) {
        this.kind = kind;
        this.credentialId = credentialId;
        this.role = role;
        this.sessionGeneration = sessionGeneration;
        this.deviceToken = deviceToken;
    }

    /** @param deviceToken what the browser's {@code portal_device} cookie is to hold from now on */
    public static LoginOutcome succeeded(Long credentialId, Role role, int sessionGeneration, String deviceToken) {
        return new LoginOutcome(
                Kind.SUCCEEDED,
                Objects.requireNonNull(credentialId),
                Objects.requireNonNull(role),
                sessionGeneration,
                deviceToken);
    }

    /** Wrong address, wrong password, or an account waiting after too many wrong passwords: one answer for all. */
    public static LoginOutcome refused() {
        return new LoginOutcome(Kind.REFUSED, null, null, 0, null);
    }

    /** The password was right but the e-mail address is not confirmed yet: only its owner learns this. */
    public static LoginOutcome unconfirmed() {
        return new LoginOutcome(Kind.UNCONFIRMED, null, null, 0, null);
    }

    /** Too many logins are being checked at once; nothing was checked or counted. */
    public static LoginOutcome busy() {
        return new LoginOutcome(Kind.BUSY, null, null, 0, null);
    }

    /** The database could not be reached; nothing was checked or counted. */
    public static LoginOutcome unavailable() {
        return new LoginOutcome(Kind.UNAVAILABLE, null, null, 0, null);
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

    public int getSessionGeneration() {
        return sessionGeneration;
    }

    public String getDeviceToken() {
        return deviceToken;
    }
}

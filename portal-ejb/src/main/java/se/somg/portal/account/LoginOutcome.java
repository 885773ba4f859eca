package se.somg.portal.account;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import se.somg.portal.kernel.Role;

/** How a login attempt ended. A refusal never says whether the e-mail, the password or the code was wrong. */
public final class LoginOutcome implements Serializable {

    public enum Kind {
        SUCCEEDED,
        /** The password was right; a second factor is still to be given ({@link #getSecondFactors()}). */
        SECOND_FACTOR,
        REFUSED,
        UNCONFIRMED,
        BUSY,
        UNAVAILABLE
    }

    private final Kind kind;
    private final Long credentialId;
    private final List<String> groups;
    private final int sessionGeneration;
    private final String deviceToken;
    private final SecondFactorCheck.Available secondFactors;
    private final boolean browserTrustable;

    private LoginOutcome(
            Kind kind,
            Long credentialId,
            List<String> groups,
            int sessionGeneration,
            String deviceToken,
            SecondFactorCheck.Available secondFactors,
            boolean browserTrustable) {
        this.kind = kind;
        this.credentialId = credentialId;
        this.groups = groups;
        this.sessionGeneration = sessionGeneration;
        this.deviceToken = deviceToken;
        this.secondFactors = secondFactors;
        this.browserTrustable = browserTrustable;
    }

    /**
     * @param groups      the security roles of the session ({@link Role} names, or only {@link Role.Names#ENROLLING})
     * @param deviceToken what the browser's {@code portal_device} cookie is to hold from now on
     */
    public static LoginOutcome succeeded(
            Long credentialId, List<String> groups, int sessionGeneration, String deviceToken) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a session needs a role");
        }
        return new LoginOutcome(
                Kind.SUCCEEDED,
                Objects.requireNonNull(credentialId),
                List.copyOf(groups),
                sessionGeneration,
                deviceToken,
                null,
                false);
    }

    /**
     * The password was right; the person still proves the second factor, on this session, within a few minutes.
     *
     * @param browserTrustable whether the person may mark the browser as trusted (customers; staff always give it)
     */
    public static LoginOutcome secondFactor(
            Long credentialId, int sessionGeneration, SecondFactorCheck.Available available, boolean browserTrustable) {
        return new LoginOutcome(
                Kind.SECOND_FACTOR,
                Objects.requireNonNull(credentialId),
                List.of(),
                sessionGeneration,
                null,
                available,
                browserTrustable);
    }

    /** Wrong address, wrong password or code, or an account waiting after too many wrong tries: one answer for all. */
    public static LoginOutcome refused() {
        return new LoginOutcome(Kind.REFUSED, null, List.of(), 0, null, null, false);
    }

    /** The password was right but the e-mail address is not confirmed yet: only its owner learns this. */
    public static LoginOutcome unconfirmed() {
        return new LoginOutcome(Kind.UNCONFIRMED, null, List.of(), 0, null, null, false);
    }

    /** Too many logins are being checked at once; nothing was checked or counted. */
    public static LoginOutcome busy() {
        return new LoginOutcome(Kind.BUSY, null, List.of(), 0, null, null, false);
    }

    /** The database could not be reached; nothing was checked or counted. */
    public static LoginOutcome unavailable() {
        return new LoginOutcome(Kind.UNAVAILABLE, null, List.of(), 0, null, null, false);
    }

    public Kind getKind() {
        return kind;
    }

    public Long getCredentialId() {
        return credentialId;
    }

    public List<String> getGroups() {
        return groups;
    }

    public int getSessionGeneration() {
        return sessionGeneration;
    }

    public String getDeviceToken() {
        return deviceToken;
    }

    public SecondFactorCheck.Available getSecondFactors() {
        return secondFactors;
    }

    public boolean isBrowserTrustable() {
        return browserTrustable;
    }
}

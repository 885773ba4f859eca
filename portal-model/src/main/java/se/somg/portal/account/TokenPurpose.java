package se.somg.portal.account;

import java.time.Duration;

/** What an e-mailed link is for, and how long it is valid. */
public enum TokenPurpose {
    CONFIRM_REGISTRATION(Duration.ofHours(24)),
    CONFIRM_EMAIL_CHANGE(Duration.ofHours(24)),
    RESET_PASSWORD(Duration.ofHours(1)),
    /** An invited staff member (or the first administrator) chooses a password and enrols a second factor. */
    STAFF_SETUP(Duration.ofHours(24)),
    /** "It was not me" in the mail about a sign-in from a new browser: ends every session, asks for a new password. */
    SECURE_ACCOUNT(Duration.ofDays(7)),
    /** A person a platform holds claims the account made for them: sees the policy and the data, chooses a password. */
    CLAIM_ACCOUNT(Duration.ofDays(14));

    private final Duration validity;

    TokenPurpose(Duration validity) {
        this.validity = validity;
    }

    public Duration getValidity() {
        return validity;
    }
}

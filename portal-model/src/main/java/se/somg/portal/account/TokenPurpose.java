package se.somg.portal.account;

import java.time.Duration;

/** What an e-mailed link is for, and how long it is valid. */
public enum TokenPurpose {
    CONFIRM_REGISTRATION(Duration.ofHours(24)),
    CONFIRM_EMAIL_CHANGE(Duration.ofHours(24)),
    RESET_PASSWORD(Duration.ofHours(1));

    private final Duration validity;

    TokenPurpose(Duration validity) {
        this.validity = validity;
    }

    public Duration getValidity() {
        return validity;
    }
}

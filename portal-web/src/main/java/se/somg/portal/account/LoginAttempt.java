package se.somg.portal.account;

import jakarta.enterprise.context.RequestScoped;

/** Carries the outcome of this request's login attempt from the identity store to the login page. */
@RequestScoped
public class LoginAttempt {

    private LoginOutcome outcome;

    public LoginOutcome getOutcome() {
        return outcome;
    }

    void setOutcome(LoginOutcome outcome) {
        this.outcome = outcome;
    }
}

package se.somg.portal.registration;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.somg.portal.Refusal;
import se.somg.portal.language.Language;
import se.somg.portal.language.Messages;

/** The registration form; the answer does not say whether the address already had an account. */
@Named
@RequestScoped
public class RegistrationPage {

    @EJB
    private Registration registration;

    @Inject
    private Messages messages;

    @Inject
    private Language language;

    private String email;
    private String password;
    private String givenName;
    private String familyName;
    private boolean policyAccepted;
    private boolean newsletter;
    private boolean done;

    public void register() {
        registration.register(
                email,
                password == null ? null : password.toCharArray(),
                givenName,
                familyName,
                policyAccepted,
                newsletter,
                language.getCode());
        done = true;
        messages.info(null, "register.sent", email.strip());
    }

    /** View action of the confirmation link. */
    public void confirm(String token) {
        try {
            registration.confirm(token);
            messages.info(null, "register.confirmed");
            done = true;
        } catch (Refusal refusal) {
            messages.error(null, refusal.getMessageKey(), refusal.getArguments());
        }
    }

    public boolean isDone() {
        return done;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public boolean isNewsletter() {
        return newsletter;
    }

    public void setNewsletter(boolean newsletter) {
        this.newsletter = newsletter;
    }

    public boolean isPolicyAccepted() {
        return policyAccepted;
    }

    public void setPolicyAccepted(boolean policyAccepted) {
        this.policyAccepted = policyAccepted;
    }
}

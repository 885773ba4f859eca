package se.somg.portal.profile;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.somg.portal.account.SignedInCaller;
import se.somg.portal.language.Messages;

/** The page behind the link that confirms a new e-mail address. */
@Named
@RequestScoped
public class EmailConfirmation {

    @EJB
    private ProfileService profiles;

    @Inject
    private Messages messages;

    private String token;

    public void confirm() {
        ProfileService.ConfirmedChange change = profiles.confirmEmailChange(token);
        // the account's other sessions have ended; a session of the same account that opened the link goes on
        jakarta.servlet.http.HttpServletRequest request =
                (jakarta.servlet.http.HttpServletRequest) jakarta.faces.context.FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .getRequest();
        SignedInCaller.renewIfSame(request, change.credentialId(), change.sessionGeneration());
        messages.info(null, "profile.email.confirmed");
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}

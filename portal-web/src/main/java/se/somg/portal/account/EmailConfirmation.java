package se.somg.portal.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import se.somg.portal.language.Messages;

/** The page behind the link that confirms a new e-mail address. */
@Named
@RequestScoped
public class EmailConfirmation {

    @EJB
    private EmailChange emailChange;

    @Inject
    private Messages messages;

    private String token;

    public void confirm() {
        EmailChange.ConfirmedChange change = emailChange.confirm(token);
        // the account's other sessions have ended; a session of the same account that opened the link goes on
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
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

package se.somg.portal.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * "It was not me", from the mail about a new sign-in: the page explains, its button ends every session of the account
 * and goes on to choosing a new password. This browser is signed out too.
 */
@Named
@RequestScoped
public class SecureAccountPage {

    @EJB
    private AccountSecuring securing;

    private Boolean valid;

    public boolean isValid() {
        if (valid == null) {
            valid = securing.isValid(token());
        }
        return valid;
    }

    public void secure() throws IOException {
        String reset = securing.secure(token());
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        SignedInCaller.forget(request);
        SignedInMarker.clear(request, (HttpServletResponse) external.getResponse());
        external.redirect(external.getRequestContextPath() + "/reset-password.xhtml?token=" + reset);
    }

    private static String token() {
        return FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("token");
    }
}

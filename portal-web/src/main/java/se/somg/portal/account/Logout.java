package se.somg.portal.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import se.somg.portal.language.Language;

/** Signs out: the session and everything in it is gone; the language choice survives in the URL. */
@Named
@RequestScoped
public class Logout {

    @Inject
    private Language language;

    @EJB
    private Sessions sessions;

    @EJB
    private SignedInSessions signedIn;

    public void logout() throws IOException, ServletException {
        signOut("loggedOut");
    }

    /** Ends every session of the account, in every browser and on every node, this one included. */
    public void logoutEverywhere() throws IOException, ServletException {
        sessions.endAll();
        signOut("loggedOutEverywhere");
    }

    private void signOut(String notice) throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String lang = language.getCode();
        HttpSession session = request.getSession(false);
        if (session != null) {
            signedIn.forget(session.getId());
        }
        request.logout();
        external.invalidateSession();
        SignedInMarker.clear(request, (HttpServletResponse) external.getResponse());
        external.redirect(external.getRequestContextPath() + Landing.LOGIN + "?" + notice + "=true&lang=" + lang);
    }
}

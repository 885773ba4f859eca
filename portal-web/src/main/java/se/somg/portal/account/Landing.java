package se.somg.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;

/** Where a person belongs: the dashboard for customers, the overview for the privacy officer, the staff start page for other staff, else the login. */
@Named
@RequestScoped
public class Landing {

    public static final String CUSTOMER_HOME = "/customer/dashboard.xhtml";
    public static final String STAFF_HOME = "/staff/index.xhtml";
    public static final String PRIVACY_OFFICER_HOME = "/staff/privacy/overview.xhtml";
    public static final String LOGIN = "/login.xhtml";

    public static String homeOf(ExternalContext external) {
        if (external.isUserInRole(Role.Names.CUSTOMER)) {
            return CUSTOMER_HOME;
        }
        if (external.isUserInRole(Role.Names.PRIVACY_OFFICER)) {
            return PRIVACY_OFFICER_HOME;
        }
        if (external.getUserPrincipal() != null) {
            return STAFF_HOME;
        }
        return LOGIN;
    }

    /** View action of {@code /}: sends the visitor on. */
    public void redirect() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + homeOf(external));
    }
}

package se.somg.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import se.somg.portal.kernel.Role;

/**
 * Where a person belongs: the dashboard for customers, the overview for the privacy officer, the staff list for an
 * administrator, the staff start page for other staff, the security page for staff still to enrol a second factor,
 * else the login.
 */
@Named
@RequestScoped
public class Landing {

    public static final String CUSTOMER_HOME = "/customer/dashboard.xhtml";
    public static final String STAFF_HOME = "/staff/index.xhtml";
    public static final String PRIVACY_OFFICER_HOME = "/staff/privacy/overview.xhtml";
    public static final String ADMINISTRATOR_HOME = "/staff/admin/staff.xhtml";
    public static final String SECURITY = "/account/security.xhtml";
    public static final String LOGIN = "/login.xhtml";

    public static String homeOf(ExternalContext external) {
        if (external.getUserPrincipal() == null) {
            return LOGIN;
        }
        return homeOf(external::isUserInRole);
    }

    /** For a sign-in completed in this request, before the container knows the roles. */
    public static String homeFor(List<String> roles) {
        return homeOf(roles::contains);
    }

    private static String homeOf(Predicate<String> hasRole) {
        if (hasRole.test(Role.Names.CUSTOMER)) {
            return CUSTOMER_HOME;
        }
        if (hasRole.test(Role.Names.ENROLLING)) {
            return SECURITY;
        }
        if (hasRole.test(Role.Names.PRIVACY_OFFICER)) {
            return PRIVACY_OFFICER_HOME;
        }
        if (hasRole.test(Role.Names.SUPPORT) || hasRole.test(Role.Names.COMMUNICATIONS)) {
            return STAFF_HOME;
        }
        if (hasRole.test(Role.Names.ADMINISTRATOR)) {
            return ADMINISTRATOR_HOME;
        }
        return LOGIN;
    }

    /** View action of {@code /}: sends the visitor on. */
    public void redirect() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + homeOf(external));
    }
}

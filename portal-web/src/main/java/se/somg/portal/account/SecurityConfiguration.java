package se.somg.portal.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login on the portal's own page. A visitor who opens a protected page is redirected to the login page
 * and, once signed in, back to the page they asked for.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({Role.Names.CUSTOMER, Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.COMMUNICATIONS})
@ApplicationScoped
public class SecurityConfiguration {
}

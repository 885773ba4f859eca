package se.somg.portal.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import se.somg.portal.kernel.Role;

/** The portal's roles; the login itself is {@link PortalAuthentication}. */
@DeclareRoles({
    Role.Names.CUSTOMER,
    Role.Names.SUPPORT,
    Role.Names.PRIVACY_OFFICER,
    Role.Names.COMMUNICATIONS,
    Role.Names.ADMINISTRATOR,
    Role.Names.ENROLLING
})
@ApplicationScoped
public class SecurityConfiguration {}

package se.somg.portal.account;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;

/**
 * Who is calling a service. The principal's name is the credential id, set at login: services take the
 * customer from here, never from a request parameter, so no one can ask for another person's data.
 */
@Dependent
public class Caller {

    @Inject
    private SecurityContext securityContext;

    public long credentialId() {
        Principal principal = securityContext.getCallerPrincipal();
        if (principal == null) {
            throw new IllegalStateException("no caller");
        }
        return Long.parseLong(principal.getName());
    }

    /** How the audit trail names the caller: role and credential id, never a name or an address. */
    public String actor() {
        Principal principal = securityContext.getCallerPrincipal();
        if (principal == null) {
            return "system";
        }
        for (Role role : Role.values()) {
            if (securityContext.isCallerInRole(role.name())) {
                return role.name() + ":" + principal.getName();
            }
        }
        return "unknown:" + principal.getName();
    }
}

package se.somg.portal.kernel;

import jakarta.ejb.EJBContext;
import jakarta.enterprise.context.Dependent;
import java.security.Principal;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Who is calling a service. The principal's name is the credential id, set at login: services take the
 * customer from here, never from a request parameter, so no one can ask for another person's data. It reads
 * the EJB context, which also honours {@code @RunAs} identities.
 */
@Dependent
public class Caller {

    public long credentialId() {
        Principal principal = principal();
        if (principal == null) {
            throw new IllegalStateException("no caller");
        }
        return Long.parseLong(principal.getName());
    }

    /** How the audit trail names the caller: role and credential id, never a name or an address. */
    public String actor() {
        Principal principal = principal();
        if (principal == null) {
            return "system";
        }
        EJBContext context = context();
        for (Role role : Role.values()) {
            if (context.isCallerInRole(role.name())) {
                return role.name() + ":" + principal.getName();
            }
        }
        if (context.isCallerInRole(Role.Names.ENROLLING)) {
            return Role.Names.ENROLLING + ":" + principal.getName();
        }
        return "unknown:" + principal.getName();
    }

    private static Principal principal() {
        return context().getCallerPrincipal();
    }

    private static EJBContext context() {
        try {
            return InitialContext.doLookup("java:comp/EJBContext");
        } catch (NamingException e) {
            throw new IllegalStateException("Caller is for services (EJBs) only", e);
        }
    }
}

package se.somg.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's form login. On every request the caller is re-established from the {@link SignedInCaller} in the
 * session, with its role passed explicitly. The container's remembered login ({@code @AutoApplySession}) is not
 * used: under parallel requests of one session it re-applied the caller without the groups (403 "Not allowed"
 * at random), and on another cluster member it knew no caller at all. A visitor who opens a protected page is
 * sent to the login page, which brings them back afterwards ({@link RequestedPage}).
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            return signIn(request, context, identityStores.validate(credential));
        }
        var caller = SignedInCaller.of(request);
        if (caller.isPresent()) {
            return context.notifyContainerAboutLogin(caller.get().credentialId(), caller.get().groups());
        }
        if (context.isProtected()) {
            RequestedPage.remember(request);
            return context.redirect(request.getContextPath() + Landing.LOGIN);
        }
        return context.doNothing();
    }

    private static AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
                                               CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID || result.getCallerGroups().size() != 1) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignedInCaller caller = new SignedInCaller(result.getCallerPrincipal().getName(),
                result.getCallerGroups().iterator().next());
        caller.keepIn(request);
        return context.notifyContainerAboutLogin(caller.credentialId(), caller.groups());
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        SignedInCaller.forget(request);
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}

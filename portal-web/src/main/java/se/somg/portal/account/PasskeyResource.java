package se.somg.portal.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.somg.portal.api.Problem;
import se.somg.portal.language.Messages;

/**
 * The options a page's script passes to {@code navigator.credentials} for a passkey ceremony, each with a fresh
 * challenge kept in this session ({@link PasskeyChallenge}); the page then posts the authenticator's answer in its
 * form. POST, so only the portal's own pages may ask (same-origin check), and no cache keeps a challenge.
 */
@Path("passkeys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PasskeyResource {

    @Context
    private HttpServletRequest request;

    @EJB
    private LoginGuard guard;

    @EJB
    private SecondFactors secondFactors;

    @Inject
    private Messages messages;

    @POST
    @Path("sign-in")
    @Operation(summary = "Options to sign in with a passkey alone")
    public Response signIn() {
        return options(guard.passkeyOptions(PasskeyChallenge.issue(request, PasskeyChallenge.Purpose.SIGN_IN), null));
    }

    @POST
    @Path("second-step")
    @Operation(summary = "Options to give the account's passkey after its password")
    public Response secondStep() {
        return PendingSignIn.of(request, System.currentTimeMillis())
                .map(pending -> options(guard.passkeyOptions(
                        PasskeyChallenge.issue(request, PasskeyChallenge.Purpose.SECOND_STEP), pending.credentialId())))
                .orElseGet(() -> Problem.response(401, "sign-in-expired", messages.text("login.again")));
    }

    @POST
    @Path("registration")
    @Operation(summary = "Options to add a passkey to the signed-in account")
    public Response registration() {
        return signedIn(() -> secondFactors.passkeyCreationOptions(
                PasskeyChallenge.issue(request, PasskeyChallenge.Purpose.REGISTRATION)));
    }

    @POST
    @Path("verification")
    @Operation(summary = "Options to prove it is still the signed-in customer, before a register extract")
    public Response verification() {
        return signedIn(() -> secondFactors.verificationOptions(
                PasskeyChallenge.issue(request, PasskeyChallenge.Purpose.VERIFICATION)));
    }

    /** Options for the signed-in caller's own passkeys; nobody's for a visitor. */
    private Response signedIn(java.util.function.Supplier<String> options) {
        if (request.getUserPrincipal() == null) {
            return Problem.response(401, "sign-in-required", messages.text("error.sign-in.text"));
        }
        return options(options.get());
    }

    private static Response options(String json) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }
}

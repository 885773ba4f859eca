package se.somg.portal.extract;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.somg.portal.api.Problem;
import se.somg.portal.api.ProblemDocument;
import se.somg.portal.language.Language;
import se.somg.portal.language.Messages;

/**
 * The caller's register extract over HTTP (the acceptance contract): {@code GET /api/me/extract} (JSON) and
 * {@code GET /api/me/extract.pdf}, both after a password check in the last five minutes, made on the My data
 * page or with {@code POST /api/me/password-check}. There is no parameter naming a customer: the extract is
 * always the caller's own.
 */
@Path("/me")
@Tag(
        name = "Register extract",
        description = "The signed-in customer's register extract (policy §7), after a recent password check")
public class ExtractResource {

    @EJB
    private ExtractService extracts;

    @Inject
    private PasswordCheck passwordCheck;

    @Inject
    private Language language;

    @Inject
    private Messages messages;

    @GET
    @Path("extract")
    @Operation(summary = "The caller's register extract as JSON (schema: /api/schema/register-extract-v1.json)")
    @APIResponse(responseCode = "200", description = "The extract; recorded with its SHA-256")
    @APIResponse(
            responseCode = "403",
            description = "No password check in the last five minutes, or asked for by another site",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(
            responseCode = "429",
            description = "Five extracts in the last hour",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Produces(MediaType.APPLICATION_JSON)
    public Response json() {
        return extract(ExtractFormat.JSON);
    }

    @GET
    @Path("extract.pdf")
    @Operation(summary = "The caller's register extract as PDF, in the caller's language")
    @APIResponse(responseCode = "200", description = "The extract; recorded with its SHA-256")
    @APIResponse(
            responseCode = "403",
            description = "No password check in the last five minutes",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(
            responseCode = "429",
            description = "Five extracts in the last hour",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Produces("application/pdf")
    public Response pdf() {
        return extract(ExtractFormat.PDF);
    }

    @POST
    @Path("password-check")
    @Operation(
            summary = "Confirms it is the caller for five minutes: form field password, or code (from the authenticator"
                    + " app, or a recovery code); needs the portal's Origin")
    @APIResponse(responseCode = "204", description = "Confirmed")
    @APIResponse(
            responseCode = "403",
            description = "Wrong password, or not from the portal's own pages",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response checkPassword(@FormParam("password") String password, @FormParam("code") String code) {
        boolean confirmed = password == null && code != null
                ? passwordCheck.confirmCode(code)
                : passwordCheck.confirm(password == null ? new char[0] : password.toCharArray());
        if (confirmed) {
            return Response.noContent().build();
        }
        return Problem.response(403, "password-wrong", messages.text("extract.password.wrong"));
    }

    private Response extract(ExtractFormat format) {
        if (!passwordCheck.isFresh()) {
            return Problem.response(403, "password-check-required", messages.text("extract.password.required"));
        }
        extracts.checkAllowance();
        String code = language.getCode();
        StreamingOutput body = out -> extracts.write(format, code, out);
        return Response.ok(body, format.mediaType())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"somg-register-extract." + format.extension() + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}

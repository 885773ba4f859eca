package se.somg.portal.consent;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.somg.portal.account.AccountService;
import se.somg.portal.api.Problem;
import se.somg.portal.api.ProblemDocument;
import se.somg.portal.language.Language;

/** The receipt of one of the caller's consent events: JSON (Kantara v1.1 fields) or text for people. */
@Path("/me/consent-receipts")
@Tag(
        name = "Consent receipts",
        description = "Receipts of the signed-in customer's consent changes (Kantara Consent Receipt v1.1)")
public class ConsentReceiptResource {

    @EJB
    private ConsentService consents;

    @EJB
    private AccountService accounts;

    @Inject
    private ConsentReceipts receipts;

    @Inject
    private Language language;

    @GET
    @Path("{id: [0-9]+}.json")
    @Operation(summary = "One of the caller's consent receipts, as JSON")
    @APIResponse(responseCode = "200", description = "The receipt")
    @APIResponse(
            responseCode = "404",
            description = "No such receipt of the caller's",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("id") long id) {
        ConsentEvent event = own(id);
        String body = receipts.jsonText(event, accounts.currentCustomer().getEmail(), language.getCode(), policyUrl());
        return download(body, "consent-receipt-" + event.getReceiptId() + ".json");
    }

    @GET
    @Path("{id: [0-9]+}.txt")
    @Operation(summary = "One of the caller's consent receipts, as plain text")
    @APIResponse(responseCode = "200", description = "The receipt")
    @APIResponse(
            responseCode = "404",
            description = "No such receipt of the caller's",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public Response text(@PathParam("id") long id) {
        ConsentEvent event = own(id);
        String body = receipts.text(event, accounts.currentCustomer().getEmail(), language.getCode());
        return download(body, "consent-receipt-" + event.getReceiptId() + ".txt");
    }

    private ConsentEvent own(long id) {
        return consents.ownEvent(id); // another's receipt is "not found" (404 from ProblemMappers), like no receipt
    }

    /** From the configured public address (PORTAL_BASE_URL), never from the Host header a client chooses. */
    private String policyUrl() {
        String base = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("portal.base-url", String.class)
                .orElse("http://localhost:8080");
        return base.replaceAll("/+$", "") + "/policy.xhtml";
    }

    private static Response download(String body, String fileName) {
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}

package se.somg.portal.notice;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.somg.portal.InvalidInput;
import se.somg.portal.api.Problem;
import se.somg.portal.api.ProblemDocument;
import se.somg.portal.language.Messages;

/**
 * Communications staff over HTTP: publishing ({@code POST /api/staff/notices}, JSON only, so no other site can
 * post it) and the letter and phone lists as CSV ({@code GET /api/staff/notices/{id}/letters.csv}, {@code …/phone.csv}).
 */
@Path("/staff/notices")
@Tag(name = "Notices (communications staff)", description = "Publishing notices and the letter and phone lists")
public class BroadcastResource {

    @EJB
    private BroadcastService broadcasts;

    @EJB
    private NoticeLists lists;

    @Inject
    private Messages messages;

    @POST
    @Operation(summary = "Publishes a notice (JSON, the portal's Origin); the same notice sent twice is published once")
    @APIResponse(responseCode = "201", description = "Published: {\"id\": ...}")
    @APIResponse(
            responseCode = "400",
            description = "Bad input: the problem of each field",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not communications staff, or not from the portal's own pages",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(
            responseCode = "415",
            description = "Not JSON",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response publish(NoticeDraft draft) {
        if (draft == null) {
            throw new InvalidInput(java.util.Map.of("body", "api.problem.body"));
        }
        Notice notice = broadcasts.publish(draft);
        return Response.status(Response.Status.CREATED)
                .entity(Json.createObjectBuilder()
                        .add("id", notice.getId())
                        .build()
                        .toString())
                .build();
    }

    @GET
    @Path("{id: [0-9]+}/letters.csv")
    @Operation(
            summary =
                    "The letter list of a notice (CSV for the print house); the export is audited for every customer named")
    @APIResponse(responseCode = "200", description = "The list")
    @APIResponse(
            responseCode = "404",
            description = "No such notice",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Produces("text/csv;charset=UTF-8")
    public Response letters(@PathParam("id") long id) {
        return csv(id, NoticeLists.Channel.LETTER, "letters");
    }

    @GET
    @Path("{id: [0-9]+}/phone.csv")
    @Operation(
            summary =
                    "The phone list of a notice (CSV for the call centre); the export is audited for every customer named")
    @APIResponse(responseCode = "200", description = "The list")
    @APIResponse(
            responseCode = "404",
            description = "No such notice",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Produces("text/csv;charset=UTF-8")
    public Response phone(@PathParam("id") long id) {
        return csv(id, NoticeLists.Channel.PHONE, "phone");
    }

    private Response csv(long id, NoticeLists.Channel channel, String name) {
        broadcasts.notice(id); // an unknown notice is refused: 404, as every API problem, from ProblemMappers
        StreamingOutput body = out -> lists.write(id, channel, out);
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"notice-" + id + "-" + name + ".csv\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}

package se.somg.portal.notice;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.language.Language;
import se.somg.portal.language.Messages;

/**
 * Communications staff over HTTP: publishing ({@code POST /api/staff/notices}, JSON only, so no other site can
 * post it) and the letter and phone lists as CSV ({@code GET /api/staff/notices/{id}/letters.csv}, {@code …/phone.csv}).
 */
@Path("/staff/notices")
public class BroadcastResource {

    @EJB
    private BroadcastService broadcasts;

    @EJB
    private NoticeLists lists;

    @Inject
    private Messages messages;

    @POST
        @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response publish(NoticeDraft draft) {
        if (draft == null) {
            throw new InvalidInput(java.util.Map.of("body", "api.problem.body"));
        }
        Notice notice = broadcasts.publish(draft);
        return Response.status(Response.Status.CREATED)
                .entity(Json.createObjectBuilder().add("id", notice.getId()).build().toString()).build();
    }

    @GET
    @Path("{id: [0-9]+}/letters.csv")
    @Produces("text/csv;charset=UTF-8")
    public Response letters(@PathParam("id") long id) {
        return csv(id, NoticeLists.Channel.LETTER, "letters");
    }

    @GET
    @Path("{id: [0-9]+}/phone.csv")
    @Produces("text/csv;charset=UTF-8")
    public Response phone(@PathParam("id") long id) {
        return csv(id, NoticeLists.Channel.PHONE, "phone");
    }

    private Response csv(long id, NoticeLists.Channel channel, String name) {
        try {
            broadcasts.notice(id);
        } catch (Refusal refusal) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        StreamingOutput body = out -> lists.write(id, channel, out);
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"notice-" + id + "-" + name + ".csv\"")
                .header("Cache-Control", "private, no-store").build();
    }
}

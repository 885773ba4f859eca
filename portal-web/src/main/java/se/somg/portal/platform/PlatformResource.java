package se.somg.portal.platform;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.somg.portal.InvalidInput;

/**
 * The API of SOMG's platforms ({@code docs/platform-api.md}): a platform names the people it holds, reads the
 * changes it must honour, and confirms what it carried out. Every call carries the platform's credential in
 * {@code Authorization: Bearer}; a platform sees only its own people and events.
 */
@Path("/platform/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platforms", description = "For SOMG's platforms, with a platform credential")
public class PlatformResource {

    private static final String BEARER = "Bearer ";

    @EJB
    private PlatformIntake intake;

    @EJB
    private PlatformFeed feed;

    @POST
    @Path("customers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A person the platform holds, under its own reference (idempotent)")
    public Response customers(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            PlatformIntake.Person body) {
        if (body == null) {
            throw new InvalidInput(Map.of("reference", "platform.intake.reference"));
        }
        PlatformIntake.Linked linked = intake.link(token(authorization), idempotencyKey, body);
        return Response.status(linked.created() ? 201 : 200)
                .entity(Json.createObjectBuilder()
                        .add("reference", linked.reference())
                        .add("created", linked.created())
                        .add("customersLaterChoiceStands", Json.createArrayBuilder(linked.customersLaterChoiceStands()))
                        .build())
                .build();
    }

    @GET
    @Path("changes")
    @Operation(summary = "The events told to this platform after a cursor, oldest first")
    public JsonObject changes(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("after") @DefaultValue("0") String after,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        long cursor = number(after, "after");
        int most = (int) Math.min(number(limit, "limit"), PlatformFeed.MOST);
        List<PlatformFeed.FeedEvent> events = feed.after(token(authorization), cursor, most);
        JsonArrayBuilder array = Json.createArrayBuilder();
        events.forEach(event -> array.add(
                Json.createReader(new StringReader(event.cloudEvent())).readObject()));
        return Json.createObjectBuilder()
                .add("events", array)
                .add(
                        "next",
                        String.valueOf(
                                events.isEmpty()
                                        ? cursor
                                        : events.get(events.size() - 1).cursor()))
                .build();
    }

    @POST
    @Path("events/{id}/confirmation")
    @Operation(summary = "The platform carried the event out (an erasure, restriction or objection)")
    public Response confirm(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        feed.confirm(token(authorization), id);
        return Response.noContent().build();
    }

    private static String token(String authorization) {
        return authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).strip()
                : null;
    }

    private static long number(String text, String field) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidInput(Map.of(field, "platform.feed.number"));
    }
}

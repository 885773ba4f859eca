package se.somg.portal.notice;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.somg.portal.api.Problem;
import se.somg.portal.api.ProblemDocument;
import se.somg.portal.language.Language;

/** The caller's inbox as JSON: {@code GET /api/me/notices} (what the header badge and the page show). */
@Path("/me/notices")
@Tag(name = "Notifications", description = "The signed-in customer's inbox")
public class InboxResource {

    @EJB
    private NoticeService inbox;

    @Inject
    private Language language;

    @GET
    @Operation(summary = "The caller's notices, newest first, with read and acknowledged times")
    @APIResponse(responseCode = "200", description = "The notices")
    @APIResponse(
            responseCode = "401",
            description = "Not signed in",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Produces(MediaType.APPLICATION_JSON)
    public String myNotices() {
        String code = language.getCode();
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (InboxEntry entry : inbox.inbox()) {
            Notice notice = entry.getNotice();
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("id", notice.getId())
                    .add("kind", notice.getKind().name())
                    .add("title", notice.title(code))
                    .add("publishedAt", notice.getPublishAt().toString())
                    .add("read", !entry.isUnread())
                    .add("needsAcknowledgement", notice.isNeedsAcknowledgement())
                    .add("acknowledged", entry.getAcknowledgedAt() != null);
            entries.add(json);
        }
        return Json.createObjectBuilder()
                .add("unread", inbox.unreadCount())
                .add("notices", entries)
                .build()
                .toString();
    }
}

package se.somg.portal.api;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An error of the API as RFC 9457 describes it ({@code application/problem+json}): a type, a short title in the
 * caller's language, the status, and for bad input the problem of each field. Never a stack trace, a class name
 * or the server's name.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);

    private Problem() {}

    /** @param slug what kind of problem, as the last part of its type URI, e.g. {@code invalid-input} */
    public static String json(int status, String slug, String title, Map<String, String> fields) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "/api/problems/" + slug)
                .add("title", title)
                .add("status", status);
        if (fields != null && !fields.isEmpty()) {
            JsonObjectBuilder errors = Json.createObjectBuilder();
            fields.forEach(errors::add);
            body.add("errors", errors);
        }
        return body.build().toString();
    }

    public static Response response(int status, String slug, String title) {
        return response(status, slug, title, null);
    }

    public static Response response(int status, String slug, String title, Map<String, String> fields) {
        return Response.status(status)
                .type(TYPE)
                .entity(json(status, slug, title, fields))
                .header("Cache-Control", "no-store")
                .build();
    }
}

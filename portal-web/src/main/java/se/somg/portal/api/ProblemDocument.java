package se.somg.portal.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of every API error ({@link Problem}), for the API description only. */
@Schema(name = "Problem", description = "An error as RFC 9457 describes it (application/problem+json)")
public class ProblemDocument {

    @Schema(description = "What kind of problem", example = "/api/problems/invalid-input")
    public String type;

    @Schema(description = "What went wrong, in the caller's language")
    public String title;

    @Schema(description = "The HTTP status", example = "400")
    public int status;

    @Schema(description = "For bad input: the problem of each field, in the caller's language")
    public Map<String, String> errors;
}

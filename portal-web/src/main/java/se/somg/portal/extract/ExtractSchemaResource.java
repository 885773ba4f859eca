package se.somg.portal.extract;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The JSON Schema of the register extract, public, so anyone can check an extract against it. */
@Path("/schema/register-extract-v1.json")
@Tag(
        name = "Register extract",
        description = "The signed-in customer's register extract (policy §7), after a recent password check")
public class ExtractSchemaResource {

    @GET
    @Operation(summary = "The JSON Schema every JSON register extract follows")
    @APIResponse(responseCode = "200", description = "The schema (draft 2020-12)")
    @Produces("application/schema+json")
    public Response schema() {
        InputStream schema = ExtractService.class.getResourceAsStream(ExtractService.SCHEMA);
        return Response.ok(schema)
                .header("Cache-Control", "public, max-age=3600")
                .build();
    }
}

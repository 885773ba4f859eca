package se.somg.portal.extract;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

/** The JSON Schema of the register extract, public, so anyone can check an extract against it. */
@Path("/schema/register-extract-v1.json")
public class ExtractSchemaResource {

    @GET
    @Produces("application/schema+json")
    public Response schema() {
        InputStream schema = ExtractService.class.getResourceAsStream(ExtractService.SCHEMA);
        return Response.ok(schema).header("Cache-Control", "public, max-age=3600").build();
    }
}

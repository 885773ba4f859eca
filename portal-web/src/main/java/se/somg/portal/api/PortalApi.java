package se.somg.portal.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The portal's JSON/HTTP interface; everything under /api/me needs a logged-in customer (web.xml). It does not
 * describe itself to the public: no generated WADL ({@code /api/application.wadl}).
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "SOMG privacy portal",
                        version = "1",
                        description =
                                "The customer self-service privacy portal of Skyonline Marketing Group AB. Errors are application/problem+json."))
public class PortalApi extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}

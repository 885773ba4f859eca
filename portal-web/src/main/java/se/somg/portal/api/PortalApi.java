package se.somg.portal.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/**
 * The portal's JSON/HTTP interface; everything under /api/me needs a logged-in customer (web.xml). It does not
 * describe itself to the public: no generated WADL ({@code /api/application.wadl}).
 */
@ApplicationPath("/api")
public class PortalApi extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}

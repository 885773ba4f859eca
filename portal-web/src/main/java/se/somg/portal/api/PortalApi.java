package se.somg.portal.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The portal's JSON/HTTP interface; everything under /api/me needs a logged-in customer (web.xml). */
@ApplicationPath("/api")
public class PortalApi extends Application {
}

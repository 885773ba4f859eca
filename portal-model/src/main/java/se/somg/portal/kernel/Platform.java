package se.somg.portal.kernel;

/**
 * The SOMG platforms the policy covers (§1). Each is run by a SOMG entity; SOMG AB is the controller (§3).
 */
public enum Platform {
    SOMG_SE("www.somg.se"),
    ONCENTRUM_COM("www.oncentrum.com"),
    ONCENTRUM_SE("www.oncentrum.se"),
    MITTCENTRUM_COM("mittcentrum.com");

    /** Where the portal itself collects data (registration, self-service changes): SOMG AB's own site. */
    public static final Platform PORTAL = SOMG_SE;

    private final String host;

    Platform(String host) {
        this.host = host;
    }

    public String getHost() {
        return host;
    }
}

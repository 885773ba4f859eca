package se.somg.portal;

import java.time.ZoneId;

/** The portal's customers read times in Swedish time. */
public final class Sweden {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private Sweden() {}
}

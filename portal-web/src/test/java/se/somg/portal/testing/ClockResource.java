package se.somg.portal.testing;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;

/** Test archives only: moves the deployment's {@link MovableClock} ahead ({@code PUT ?seconds=N}) or back to now. */
@Path("testing/clock")
public class ClockResource {

    @PUT
    public void moveAhead(@QueryParam("seconds") long seconds) {
        MovableClock.moveAhead(Duration.ofSeconds(seconds));
    }

    @DELETE
    public void reset() {
        MovableClock.moveAhead(Duration.ZERO);
    }
}

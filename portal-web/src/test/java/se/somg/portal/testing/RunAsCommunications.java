package se.somg.portal.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/** Runs test code with the COMMUNICATIONS role. */
@Stateless
@RunAs("COMMUNICATIONS")
@PermitAll
public class RunAsCommunications {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}

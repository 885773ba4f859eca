package se.somg.portal.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/** Runs test code with the ADMINISTRATOR role. */
@Stateless
@RunAs("ADMINISTRATOR")
@PermitAll
public class RunAsAdministrator {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}

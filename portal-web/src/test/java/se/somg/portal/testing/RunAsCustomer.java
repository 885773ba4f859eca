package se.somg.portal.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/** Runs test code with the CUSTOMER role, to prove what a customer may not call. */
@Stateless
@RunAs("CUSTOMER")
@PermitAll
public class RunAsCustomer {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}

package se.somg.portal.account;

import static se.somg.portal.kernel.ExtractValues.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import se.somg.portal.kernel.ExtractCode;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/**
 * The customer's sign-ins (when, how, the browser and system family; never an address) and the failed attempts per
 * day, as the Security page shows them.
 */
@ApplicationScoped
public class LoginsSection implements ExtractSection {

    @Override
    public int position() {
        return LOGINS;
    }

    @Override
    public Set<String> reads() {
        return Set.of("login_record", "sign_in_failure");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        long credentialId = context.find(Customer.class, context.customerId())
                .getCredential()
                .getId();
        sink.startList("logins", "loggedInAt", "method", "browser", "operatingSystem");
        for (Object[] row : context.rows(
                "SELECT id, logged_in_at, method, browser, operating_system FROM login_record WHERE credential_id = ?1",
                credentialId)) {
            sink.row(time(row[1]), ExtractCode.of(row[2]), row[3], row[4]);
        }
        sink.endList();
        sink.startList("signInFailures", "day", "attempts");
        for (Object[] row : context.few(
                "SELECT day, attempts FROM sign_in_failure WHERE credential_id = ?1 ORDER BY day", credentialId)) {
            sink.row(time(row[0]), ((Number) row[1]).longValue());
        }
        sink.endList();
    }
}

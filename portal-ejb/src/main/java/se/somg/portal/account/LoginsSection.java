package se.somg.portal.account;

import static se.somg.portal.extract.ExtractValues.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import se.somg.portal.extract.ExtractContext;
import se.somg.portal.extract.ExtractSection;
import se.somg.portal.extract.ExtractSink;

/** When the customer logged in (only when: no address, no device). */
@ApplicationScoped
public class LoginsSection implements ExtractSection {

    @Override
    public int position() {
        return LOGINS;
    }

    @Override
    public Set<String> reads() {
        return Set.of("login_record");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        sink.startList("logins", "loggedInAt");
        for (Object[] row : context.rows(
                "SELECT id, logged_in_at FROM login_record WHERE credential_id = ?1",
                context.customer().getCredential().getId())) {
            sink.row(time(row[1]));
        }
        sink.endList();
    }
}

package se.somg.portal.account;

import static se.somg.portal.kernel.ExtractValues.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/**
 * Two-step verification: since when an authenticator app is on, each passkey (its name and when it was made and last
 * used) and how many recovery codes are left. The keys themselves are secrets of the sign-in, not data about the
 * customer: they stay out.
 */
@ApplicationScoped
public class SecondFactorsSection implements ExtractSection {

    @Override
    public int position() {
        return LOGINS + 1;
    }

    @Override
    public Set<String> reads() {
        return Set.of("authenticator_app", "passkey", "recovery_code");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        long credentialId = context.find(Customer.class, context.customerId())
                .getCredential()
                .getId();
        sink.startSection("secondFactors");
        sink.value(
                "authenticatorAppSince",
                context
                        .few(
                                "SELECT enabled_at FROM authenticator_app WHERE credential_id = ?1"
                                        + " AND enabled_at IS NOT NULL",
                                credentialId)
                        .stream()
                        .map(row -> time(row[0]))
                        .findFirst()
                        .orElse(null));
        sink.value(
                "recoveryCodesLeft",
                ((Number) context.few(
                                        "SELECT count(*) FROM recovery_code WHERE credential_id = ?1 AND used_at IS NULL",
                                        credentialId)
                                .get(0)[0])
                        .longValue());
        sink.startList("passkeys", "name", "addedAt", "lastUsedAt");
        for (Object[] row : context.few(
                "SELECT name, created_at, last_used_at FROM passkey WHERE credential_id = ?1 ORDER BY id",
                credentialId)) {
            sink.row(row[0], time(row[1]), time(row[2]));
        }
        sink.endList();
        sink.endSection();
    }
}

package se.somg.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.somg.portal.kernel.ErasureStep;

/**
 * The account goes last: its links, sign-in history, second factors and devices are deleted; the credential keeps no
 * address (NULL, so
 * no value anyone could register first stands in the way) and no usable password, and every session of it ends;
 * the customer row keeps its id and times, with the name blanked and every other personal field emptied.
 */
@ApplicationScoped
public class AccountErasure implements ErasureStep {

    public static final String ERASED_NAME = "-";

    @Override
    public int order() {
        return ACCOUNT;
    }

    @Override
    public List<String> statements(int customers) {
        return List.of(
                "DELETE FROM account_token WHERE credential_id IN (SELECT credential_id FROM customer WHERE id = ANY(?))",
                "DELETE FROM login_record WHERE credential_id IN (SELECT credential_id FROM customer WHERE id = ANY(?))",
                "DELETE FROM sign_in_failure WHERE credential_id IN (SELECT credential_id FROM customer WHERE id = ANY(?))",
                "DELETE FROM authenticator_app WHERE credential_id IN (SELECT credential_id FROM customer WHERE id = ANY(?))",
                "DELETE FROM passkey WHERE credential_id IN (SELECT credential_id FROM customer WHERE id = ANY(?))",
                "DELETE FROM recovery_code WHERE credential_id IN (SELECT credential_id FROM customer WHERE id = ANY(?))",
                "DELETE FROM trusted_device WHERE credential_id IN (SELECT credential_id FROM customer WHERE id = ANY(?))",
                "DELETE FROM signed_in_session WHERE credential_id IN (SELECT credential_id FROM customer WHERE id = ANY(?))",
                """
                UPDATE credential SET email = NULL, password_hash = 'ERASED',
                       failed_attempts = 0, throttled_until = NULL, guessing_reported_at = NULL,
                       failed_codes = 0, codes_throttled_until = NULL, passkey_user_handle = NULL,
                       session_generation = session_generation + 1, version = version + 1
                WHERE id IN (SELECT credential_id FROM customer WHERE id = ANY(?))""",
                """
                UPDATE customer SET given_name = '""" + ERASED_NAME + "', family_name = '" + ERASED_NAME + """
                ', personal_identity_number = NULL, birth_date = NULL, street = NULL, postcode = NULL, city = NULL,
                       country = NULL, phone = NULL, occupation = NULL, anonymised_at = now(), version = version + 1
                WHERE id = ANY(?)""");
    }

    @Override
    public Set<String> erases() {
        return Set.of(
                "account_token",
                "login_record",
                "sign_in_failure",
                "authenticator_app",
                "passkey",
                "recovery_code",
                "trusted_device",
                "signed_in_session",
                "credential",
                "customer");
    }

    @Override
    public Map<String, String> keeps() {
        return Map.of(
                "staff_member", "staff accounts: no customer's data",
                "staff_role", "staff members' roles: no customer's data");
    }
}

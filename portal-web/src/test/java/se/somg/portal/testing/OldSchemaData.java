package se.somg.portal.testing;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.flywaydb.core.Flyway;

/**
 * A database as the release before staff accounts and second factors left it: the schema at migration 11 (Flyway
 * stopped there), and data written with that schema, as the portal of that release wrote it: customers with consents
 * and their history, requests, a complaint, a notice read, sign-ins, audit events, and staff with one role each.
 */
public final class OldSchemaData {

    public static final String LAST_OLD_VERSION = "11";
    public static final String CUSTOMER = "greta.gammal@example.com";
    public static final String CUSTOMER_PASSWORD = "Old-Customer-2019";
    public static final String SUPPORT = "old.support@somg.example";
    public static final String SUPPORT_PASSWORD = "Old-Support-2019";

    /** The tables this data fills, whose rows must all survive the upgrade (its rows have ids from 9,000,000). */
    public static final List<String> TABLES = List.of(
            "credential",
            "customer",
            "staff_member",
            "login_record",
            "audit_event",
            "datum_source",
            "contact_preference",
            "consent_event",
            "consent",
            "subject_request",
            "complaint",
            "notice",
            "notice_receipt");

    private static final long FIRST_ID = 9_000_000;

    private OldSchemaData() {}

    public static void write(String url, String user, String password) throws SQLException {
        Flyway.configure(OldSchemaData.class.getClassLoader())
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .target(LAST_OLD_VERSION)
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO credential (id, email, password_hash, role, failed_attempts, created_at, confirmed_at, version)
                    VALUES (9100001, '%s', '%s', 'CUSTOMER', 0, now() - interval '3 years', now() - interval '3 years', 0),
                           (9100002, 'olle.gammal@example.com', '%s', 'CUSTOMER', 0, now() - interval '2 years', now() - interval '2 years', 0),
                           (9100003, '%s', '%s', 'SUPPORT', 0, now() - interval '3 years', now() - interval '3 years', 0),
                           (9100004, 'old.privacy@somg.example', '%s', 'PRIVACY_OFFICER', 0, now() - interval '3 years', now() - interval '3 years', 0);
                    INSERT INTO customer (id, credential_id, given_name, family_name, phone, platform, collected_through,
                                          created_at, accepted_policy_version, policy_accepted_at, preferred_language, version)
                    VALUES (9200001, 9100001, 'Greta', 'Gammal', '+46701112233', 'ONCENTRUM_COM', 'REGISTRATION',
                            now() - interval '3 years', 1, now() - interval '3 years', 'en', 0),
                           (9200002, 9100002, 'Olle', 'Gammal', NULL, 'MITTCENTRUM_COM', 'CONTRACT',
                            now() - interval '2 years', 1, now() - interval '2 years', 'sv', 0);
                    INSERT INTO staff_member (id, credential_id, display_name, version)
                    VALUES (9300001, 9100003, 'Gammal Support', 0), (9300002, 9100004, 'Gammal Dataskydd', 0);
                    INSERT INTO login_record (id, credential_id, logged_in_at)
                    VALUES (9400001, 9100001, now() - interval '2 days'), (9400002, 9100003, now() - interval '1 day');
                    INSERT INTO datum_source (id, customer_id, field, platform, circumstance, collected_at)
                    VALUES (9500001, 9200001, 'GIVEN_NAME', 'ONCENTRUM_COM', 'REGISTRATION', now() - interval '3 years'),
                           (9500002, 9200001, 'PHONE', 'ONCENTRUM_COM', 'COMPETITION', now() - interval '1 year');
                    INSERT INTO contact_preference (id, customer_id, channel, kind, enabled)
                    SELECT 9600000 + row_number() OVER (), c.id, ch, k, ch <> 'LETTER' AND k <> 'MARKETING'
                    FROM (VALUES (9200001), (9200002)) c(id),
                         (VALUES ('EMAIL'), ('LETTER'), ('PHONE'), ('PORTAL')) chs(ch),
                         (VALUES ('OPERATIONAL'), ('ADMINISTRATIVE'), ('MARKETING')) ks(k);
                    INSERT INTO consent_event (id, receipt_id, customer_id, purpose_id, given, occurred_at, policy_version, method)
                    VALUES (9700001, gen_random_uuid(), 9200001, 1, TRUE, now() - interval '3 years', 1, 'REGISTRATION'),
                           (9700002, gen_random_uuid(), 9200001, 1, FALSE, now() - interval '1 year', 1, 'PORTAL'),
                           (9700003, gen_random_uuid(), 9200001, 3, TRUE, now() - interval '6 months', 1, 'PORTAL');
                    INSERT INTO consent (id, customer_id, purpose_id, given, last_event_id, version)
                    VALUES (9800001, 9200001, 1, FALSE, 9700002, 1), (9800002, 9200001, 3, TRUE, 9700003, 0);
                    INSERT INTO subject_request (id, customer_id, kind, message, status, filed_at, due_at, version)
                    VALUES (9900001, 9200001, 'RECTIFICATION', 'Mitt telefonnummer är fel.', 'SUBMITTED',
                            now() - interval '3 days', now() + interval '27 days', 0);
                    INSERT INTO complaint (id, customer_id, category, text, filed_at, version)
                    VALUES (9910001, 9200002, 'MARKETING', 'För många utskick.', now() - interval '10 days', 0);
                    INSERT INTO notice (id, kind, title_sv, title_en, body_sv, body_en, audience, publish_at, created_at,
                                        created_by, mailing_done_at, version)
                    VALUES (9920001, 'OPERATIONAL', 'Underhåll', 'Maintenance', 'Portalen stängs i natt.',
                            'The portal closes tonight.', 'ALL', now() - interval '20 days', now() - interval '21 days',
                            'COMMUNICATIONS:1', now() - interval '20 days', 0);
                    INSERT INTO notice_receipt (notice_id, customer_id, read_at) VALUES (9920001, 9200001, now() - interval '19 days');
                    INSERT INTO audit_event (id, occurred_at, actor, action, customer_id, detail)
                    VALUES (9930001, now() - interval '2 days', 'SUPPORT:9100003', 'CUSTOMER_LOOKUP', 9200001, 'Greta'),
                           (9930002, now() - interval '3 days', 'CUSTOMER:9100001', 'REQUEST_FILED', 9200001, 'RECTIFICATION');
                    """.formatted(
                            CUSTOMER,
                            hash(CUSTOMER_PASSWORD),
                            hash("Other-Customer-2019"),
                            SUPPORT,
                            hash(SUPPORT_PASSWORD),
                            hash("Old-Privacy-2019")));
        }
    }

    /** How many of this data's rows each of {@link #TABLES} holds now. */
    public static Map<String, Long> counts(String url, String user, String password) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            for (String table : TABLES) {
                String key = table.equals("notice_receipt") ? "notice_id" : "id";
                try (ResultSet r =
                        s.executeQuery("SELECT count(*) FROM " + table + " WHERE " + key + " >= " + FIRST_ID)) {
                    r.next();
                    counts.put(table, r.getLong(1));
                }
            }
        }
        return counts;
    }

    /** A password hash as the portal of that release stored it (Jakarta Security's PBKDF2, its own format). */
    static String hash(String password) {
        try {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 210_000, 64 * 8))
                    .getEncoded();
            return "PBKDF2WithHmacSHA512:210000:" + Base64.getEncoder().encodeToString(salt) + ":"
                    + Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

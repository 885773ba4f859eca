package se.somg.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.somg.portal.kernel.CustomerChange;
import se.somg.portal.kernel.ErasureStep;

/**
 * An erasure, asked for or at the end of the retention period, is told to every platform holding the person, in the
 * same transaction, and must be confirmed by each (policy §7). What the platforms were told before goes (a
 * rectification carried values); the link to the platform goes; the erasure event, which names the person by the
 * platform's reference only, stays until every platform confirmed it.
 */
@ApplicationScoped
public class PlatformErasure implements ErasureStep {

    static final String ERASED = CustomerChange.Kind.ERASURE_DONE.type();

    @Inject
    @ConfigProperty(name = "portal.base-url", defaultValue = "http://localhost:8080")
    private String baseUrl;

    @Override
    public List<String> statements(int customers) {
        String source = baseUrl.replace("'", "''");
        return List.of(
                "DELETE FROM platform_event WHERE customer_id = ANY(?) AND type <> '" + ERASED + "'",
                // why a platform could not confirm was written about the person; that it could not stays
                "UPDATE platform_event SET waived_reason = NULL WHERE customer_id = ANY(?) AND waived_reason IS NOT NULL",
                """
                INSERT INTO platform_event (id, platform_code, customer_id, type, body, needs_confirmation, created_at,
                                            next_attempt_at)
                SELECT made.id, made.code, made.customer_id, '%1$s',
                       json_build_object('specversion', '1.0', 'id', made.id, 'source', '%2$s', 'type', '%1$s',
                                         'subject', made.reference,
                                         'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                         'datacontenttype', 'application/json',
                                         'data', json_build_object('reference', made.reference))::text,
                       TRUE, now(), CASE WHEN made.webhook_url IS NULL THEN NULL ELSE now() END
                FROM (SELECT 'evt_' || replace(gen_random_uuid()::text, '-', '') AS id, p.code, pp.customer_id,
                             pp.reference, p.webhook_url
                      FROM platform_person pp JOIN platform p ON p.code = pp.platform_code
                      WHERE pp.customer_id = ANY(?)
                        -- an erasure asked for was told when the officer completed it: once is enough
                        AND NOT EXISTS (SELECT 1 FROM platform_event told
                                        WHERE told.customer_id = pp.customer_id AND told.platform_code = p.code
                                          AND told.type = '%1$s')) made""".formatted(ERASED, source),
                // the platform's reference names the person: the record of its intake goes with the link
                """
                DELETE FROM platform_intake i USING platform_person pp
                WHERE pp.customer_id = ANY(?) AND i.platform_code = pp.platform_code AND i.reference = pp.reference""",
                "DELETE FROM platform_person WHERE customer_id = ANY(?)");
    }

    @Override
    public Set<String> erases() {
        return Set.of("platform_event", "platform_person", "platform_intake");
    }

    @Override
    public Map<String, String> keeps() {
        return Map.of(
                "platform", "SOMG's platforms and their addresses: no customer's data",
                "platform_credential", "hashes of the platforms' API credentials: no customer's data");
    }
}

package se.somg.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.somg.portal.kernel.CustomerChange;

/**
 * Writes, in the transaction of the change itself, one CloudEvents 1.0 event for every platform that holds
 * the person (a deactivated one's wait for it to come back) and is told of that kind of change (an erasure, restriction or objection always): the outbox the
 * webhook delivery and the change feed read. The event names the person by the platform's own reference only.
 */
@ApplicationScoped
public class PlatformEvents {

    @PersistenceContext
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "portal.base-url", defaultValue = "http://localhost:8080")
    private String baseUrl;

    void tell(@Observes CustomerChange change) {
        @SuppressWarnings("unchecked")
        List<Object[]> holders = em.createNativeQuery("""
                        SELECT p.code, pp.reference FROM platform_person pp JOIN platform p ON p.code = pp.platform_code
                        WHERE pp.customer_id = ?1
                          AND (?2 OR (' ' || p.events || ' ') LIKE ('% ' || ?3 || ' %'))
                        ORDER BY p.code""")
                .setParameter(1, change.customerId())
                .setParameter(2, change.kind().needsConfirmation())
                .setParameter(3, shortName(change.kind().type()))
                .getResultList();
        for (Object[] holder : holders) {
            write(
                    (String) holder[0],
                    change.customerId(),
                    change.kind().type(),
                    change.kind().needsConfirmation(),
                    (String) holder[1],
                    change.data(),
                    change.at(),
                    change.about());
        }
    }

    /** An event for one platform; the caller's transaction commits it with the change. */
    void write(
            String platform,
            Long customerId,
            String type,
            boolean needsConfirmation,
            String reference,
            Map<String, Object> data,
            OffsetDateTime at,
            String about) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        em.createNativeQuery("""
                        INSERT INTO platform_event (id, platform_code, customer_id, type, body, needs_confirmation,
                                                    created_at, next_attempt_at, about)
                        SELECT ?1, ?2, CAST(?3 AS BIGINT), ?4, ?5, CAST(?6 AS BOOLEAN), now(),
                               CASE WHEN webhook_url IS NULL THEN NULL ELSE now() END, CAST(?7 AS VARCHAR)
                        FROM platform WHERE code = ?2""")
                .setParameter(1, id)
                .setParameter(2, platform)
                .setParameter(3, customerId)
                .setParameter(4, type)
                .setParameter(5, cloudEvent(id, type, reference, data, at))
                .setParameter(6, needsConfirmation)
                .setParameter(7, about)
                .executeUpdate();
    }

    private String cloudEvent(String id, String type, String reference, Map<String, Object> data, OffsetDateTime at) {
        JsonObjectBuilder payload = Json.createObjectBuilder();
        if (reference != null) {
            payload.add("reference", reference);
        }
        data.forEach((name, value) -> {
            if (value instanceof Boolean flag) {
                payload.add(name, flag);
            } else if (value instanceof Long number) {
                payload.add(name, number);
            } else if (value instanceof Integer number) {
                payload.add(name, number);
            } else if (value != null) {
                payload.add(name, value.toString());
            }
        });
        JsonObjectBuilder event = Json.createObjectBuilder()
                .add("specversion", "1.0")
                .add("id", id)
                .add("source", baseUrl)
                .add("type", type)
                .add("time", at.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .add("datacontenttype", "application/json");
        if (reference != null) {
            event.add("subject", reference);
        }
        return event.add("data", payload).build().toString();
    }

    /** "consent.withdrawn" of "se.somg.portal.consent.withdrawn.v1": how a platform's subscriptions name a kind. */
    static String shortName(String type) {
        return type.substring(CustomerChange.Kind.TYPE_PREFIX.length(), type.lastIndexOf(".v"));
    }
}

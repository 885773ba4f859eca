package se.somg.portal.platform;

import static se.somg.portal.kernel.Role.Names.ADMINISTRATOR;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.kernel.CustomerChange;

/**
 * The administrator's "Platforms": SOMG's platforms with what each is told and where, their credentials and their
 * backlog. Every change is audited. No customer data: counts only.
 */
@Stateless
@RolesAllowed(ADMINISTRATOR)
public class PlatformAdministration {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private PlatformCredentials credentials;

    @Inject
    private PlatformEvents events;

    @Inject
    private AuditTrail audit;

    @Inject
    @ConfigProperty(name = "portal.webhook.allow-internal", defaultValue = "false")
    private boolean allowInternal;

    /** One platform as the page shows it. */
    public record Row(
            String code,
            String name,
            String domain,
            List<String> events,
            String webhookUrl,
            boolean active,
            OffsetDateTime failingSince,
            long version,
            long people,
            long backlog,
            OffsetDateTime oldestWaiting,
            long givenUp,
            List<String> credentials)
            implements Serializable {}

    /** The kinds of change a platform can be told (an erasure, restriction or objection always). */
    public static List<String> kinds() {
        return Arrays.stream(CustomerChange.Kind.values())
                .map(kind -> PlatformEvents.shortName(kind.type()))
                .toList();
    }

    public List<Row> platforms() {
        return em
                .createQuery("SELECT p FROM ConnectedPlatform p ORDER BY p.code", ConnectedPlatform.class)
                .getResultList()
                .stream()
                .map(this::row)
                .toList();
    }

    private Row row(ConnectedPlatform platform) {
        Object[] backlog = (Object[])
                em.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE delivered_at IS NULL AND given_up_at IS NULL
                                                 AND next_attempt_at IS NOT NULL),
                               min(created_at) FILTER (WHERE delivered_at IS NULL AND given_up_at IS NULL
                                                       AND next_attempt_at IS NOT NULL),
                               count(*) FILTER (WHERE given_up_at IS NOT NULL)
                        FROM platform_event WHERE platform_code = ?1""").setParameter(1, platform.getCode()).getSingleResult();
        long people = ((Number) em.createNativeQuery("SELECT count(*) FROM platform_person WHERE platform_code = ?1")
                        .setParameter(1, platform.getCode())
                        .getSingleResult())
                .longValue();
        @SuppressWarnings("unchecked")
        List<String> valid =
                em.createNativeQuery("""
                        SELECT token_prefix || '…' FROM platform_credential
                        WHERE platform_code = ?1 AND revoked_at IS NULL ORDER BY created_at""").setParameter(1, platform.getCode()).getResultList();
        return new Row(
                platform.getCode(),
                platform.getName(),
                platform.getDomain(),
                platform.getEvents(),
                platform.getWebhookUrl(),
                platform.isActive(),
                platform.getFailingSince(),
                platform.getVersion(),
                people,
                ((Number) backlog[0]).longValue(),
                PlatformNews.moment(backlog[1]),
                ((Number) backlog[2]).longValue(),
                valid);
    }

    /** The secret the platform's webhooks are signed with, for the administrator to hand to the platform. */
    public String signingSecret(String code) {
        ConnectedPlatform platform = em.find(ConnectedPlatform.class, code);
        return platform == null ? null : platform.getWebhookSecret();
    }

    /** Adds a platform (version null) or changes one, refused when someone else changed it meanwhile. */
    public void save(String code, Long version, String name, String domain, List<String> kinds, String webhookUrl) {
        String cleanCode = code == null ? "" : code.strip().toUpperCase();
        String cleanDomain = domain == null ? "" : domain.strip().toLowerCase();
        String cleanUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (version == null && !CODE.matcher(cleanCode).matches()) {
            problems.put("code", "platforms.code.invalid");
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            problems.put("name", "platforms.name.invalid");
        }
        if (!DOMAIN.matcher(cleanDomain).matches()) {
            problems.put("domain", "platforms.domain.invalid");
        }
        if (cleanUrl != null && !isWebhookUrl(cleanUrl, allowInternal)) {
            problems.put("webhookUrl", "platforms.webhook.invalid");
        }
        List<String> chosen = kinds == null
                ? List.of()
                : kinds.stream().filter(kinds()::contains).distinct().toList();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        ConnectedPlatform platform;
        if (version == null) {
            if (em.find(ConnectedPlatform.class, cleanCode) != null) {
                throw new InvalidInput(Map.of("code", "platforms.code.taken"));
            }
            platform = new ConnectedPlatform(cleanCode, WebhookSignature.newSecret(), OffsetDateTime.now(clock));
        } else {
            platform = existing(cleanCode, version);
        }
        boolean domainTaken = !em.createQuery(
                        "SELECT p.code FROM ConnectedPlatform p WHERE p.domain = :domain AND p.code <> :code")
                .setParameter("domain", cleanDomain)
                .setParameter("code", cleanCode)
                .getResultList()
                .isEmpty();
        if (domainTaken) {
            throw new InvalidInput(Map.of("domain", "platforms.domain.taken"));
        }
        platform.describe(name.strip(), cleanDomain, chosen, cleanUrl);
        if (version == null) {
            em.persist(platform);
        }
        audit.record(
                version == null ? AuditAction.PLATFORM_ADDED : AuditAction.PLATFORM_CHANGED,
                null,
                cleanCode + " " + cleanDomain + " events=" + String.join(",", chosen) + " webhook="
                        + (cleanUrl == null ? "none" : URI.create(cleanUrl).getHost()));
    }

    /** https, to a public host; plain http only where webhooks inside SOMG's own network are allowed. */
    static boolean isWebhookUrl(String url, boolean allowInternal) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || allowInternal && "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getUserInfo() == null
                    && url.length() <= 500
                    && (allowInternal || !WebhookSender.isInternal(uri.getHost()));
        } catch (IllegalArgumentException | UnknownHostException notAUrl) {
            return false;
        }
    }

    /** Deactivated: told nothing, its credentials refused, its backlog kept for when it comes back. */
    public void deactivate(String code, long version) {
        existing(code, version).setActive(false);
        audit.record(AuditAction.PLATFORM_DEACTIVATED, null, code);
    }

    public void reactivate(String code, long version) {
        existing(code, version).setActive(true);
        audit.record(AuditAction.PLATFORM_REACTIVATED, null, code);
    }

    /** A new API credential, shown this once; the older of two valid ones is revoked. */
    public String newCredential(String code) {
        ConnectedPlatform platform = em.find(ConnectedPlatform.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (platform == null) {
            throw new Refusal("platforms.notFound");
        }
        String token = credentials.issue(code);
        audit.record(AuditAction.PLATFORM_CREDENTIAL_ISSUED, null, code + " " + token.substring(0, 12) + "…");
        return token;
    }

    /** A signed "test" event to the platform's webhook, through the same outbox as every other event. */
    public void sendTestEvent(String code) {
        ConnectedPlatform platform = em.find(ConnectedPlatform.class, code);
        if (platform == null) {
            throw new Refusal("platforms.notFound");
        }
        if (platform.getWebhookUrl() == null) {
            throw new Refusal("platforms.test.noWebhook");
        }
        events.write(
                code,
                null,
                CustomerChange.Kind.TYPE_PREFIX + "test.v1",
                false,
                null,
                Map.of("message", "A test event from the SOMG privacy portal"),
                OffsetDateTime.now(clock),
                null);
        audit.record(AuditAction.PLATFORM_TEST_SENT, null, code);
    }

    private ConnectedPlatform existing(String code, long version) {
        ConnectedPlatform platform = em.find(ConnectedPlatform.class, code);
        if (platform == null) {
            throw new Refusal("platforms.notFound");
        }
        if (platform.getVersion() != version) {
            throw new OptimisticLockException();
        }
        return platform;
    }
}

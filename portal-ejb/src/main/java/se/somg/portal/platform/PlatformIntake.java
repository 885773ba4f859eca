package se.somg.portal.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.account.AccountCreation;
import se.somg.portal.account.Credential;
import se.somg.portal.account.Customer;
import se.somg.portal.kernel.PersonRules;

/**
 * A platform tells the portal that it holds a person, under its own reference: from then on the person's changes
 * reach it. Idempotent twice over: by the platform's reference (the same person again changes nothing) and by the
 * {@code Idempotency-Key} (a repeated call gets the first answer; the same key with another body is refused).
 */
@Stateless
@PermitAll
public class PlatformIntake {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PlatformCredentials credentials;

    @Inject
    private AccountCreation accounts;

    /** What became of one intake: the reference, and whether the link is new. */
    public record Linked(String reference, boolean created) {}

    public Linked link(String token, String idempotencyKey, String reference, String email) {
        String platform = credentials.require(token);
        Map<String, String> problems = new LinkedHashMap<>();
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            problems.put("Idempotency-Key", "platform.intake.key");
        }
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            problems.put("reference", "platform.intake.reference");
        }
        PersonRules.checkEmail(email).ifPresent(key -> problems.put("email", key));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String fingerprint = sha256(reference + "\n" + Credential.normalise(email));
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('platform_intake'), hashtext(?1))")
                .setParameter(1, platform + "\n" + idempotencyKey)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> earlier = em.createNativeQuery("""
                        SELECT request_sha256, reference, created FROM platform_intake
                        WHERE platform_code = ?1 AND idempotency_key = ?2""")
                .setParameter(1, platform)
                .setParameter(2, idempotencyKey)
                .getResultList();
        if (!earlier.isEmpty()) {
            if (!fingerprint.equals(earlier.get(0)[0])) {
                throw new Refusal("platform.intake.keyReused");
            }
            return new Linked((String) earlier.get(0)[1], (Boolean) earlier.get(0)[2]);
        }
        Customer customer = accounts.find(email)
                .filter(Credential::isCustomer)
                .map(credential -> em.createQuery(
                                "SELECT c FROM Customer c WHERE c.credential = :credential", Customer.class)
                        .setParameter("credential", credential)
                        .getResultStream()
                        .findFirst()
                        .orElse(null))
                .filter(found -> found.getAnonymisedAt() == null)
                .orElseThrow(() -> new Refusal("platform.intake.unknownPerson.notFound"));
        @SuppressWarnings("unchecked")
        List<Object[]> links = em.createNativeQuery("""
                        SELECT reference, customer_id FROM platform_person
                        WHERE platform_code = ?1 AND (reference = ?2 OR customer_id = ?3)""")
                .setParameter(1, platform)
                .setParameter(2, reference)
                .setParameter(3, customer.getId())
                .getResultList();
        boolean created = links.isEmpty();
        if (!created) {
            Object[] link = links.get(0);
            if (links.size() > 1 || !reference.equals(link[0]) || ((Number) link[1]).longValue() != customer.getId()) {
                // one reference is one person, and one person has one reference at a platform
                throw new Refusal("platform.intake.referenceTaken");
            }
        } else {
            em.createNativeQuery("""
                            INSERT INTO platform_person (platform_code, reference, customer_id, linked_at)
                            VALUES (?1, ?2, ?3, now())""")
                    .setParameter(1, platform)
                    .setParameter(2, reference)
                    .setParameter(3, customer.getId())
                    .executeUpdate();
        }
        em.createNativeQuery("""
                        INSERT INTO platform_intake (platform_code, idempotency_key, request_sha256, reference, created,
                                                     received_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, now())""")
                .setParameter(1, platform)
                .setParameter(2, idempotencyKey)
                .setParameter(3, fingerprint)
                .setParameter(4, reference)
                .setParameter(5, created)
                .executeUpdate();
        return new Linked(reference, created);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

package se.somg.portal.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.account.AccountCreation;
import se.somg.portal.account.Credential;
import se.somg.portal.account.Customer;
import se.somg.portal.consent.ConsentLedger;
import se.somg.portal.kernel.CurrentPolicy;
import se.somg.portal.kernel.PersonRules;
import se.somg.portal.kernel.Sha256;

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

    @Inject
    private PlatformNewcomers newcomers;

    @Inject
    private ConsentLedger ledger;

    @Inject
    private CurrentPolicy policy;

    @Inject
    private Clock clock;

    /** What became of one intake: the reference, and whether the link is new. */
    public record Linked(String reference, boolean created, List<String> customersLaterChoiceStands) {}

    /** A consent given or withdrawn on the platform, under the policy version in force there, and when. */
    public record PlatformConsent(String purpose, Boolean given, Integer policyVersion, String at) {}

    /**
     * The person as the platform holds them. For a person the portal does not know yet the names, the circumstance
     * the data was collected in (§5.2) and when are needed; for a known person they are not used (the customer's own
     * data stays as the customer keeps it).
     */
    public record Person(
            String reference,
            String email,
            String givenName,
            String familyName,
            String language,
            String circumstance,
            String collectedAt,
            List<PlatformConsent> consents) {

        public Person {
            consents = consents == null ? List.of() : List.copyOf(consents);
        }
    }

    public Linked link(String token, String idempotencyKey, Person person) {
        String reference = person.reference();
        String email = person.email();
        String platform = credentials.require(token);
        Map<String, String> problems = new LinkedHashMap<>();
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            problems.put("Idempotency-Key", "platform.intake.key");
        }
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            problems.put("reference", "platform.intake.reference");
        }
        PersonRules.checkEmail(email).ifPresent(key -> problems.put("email", key));
        List<Consenting> consents = consentsOf(person, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String fingerprint = Sha256.hex(String.join(
                "\n",
                reference,
                Credential.normalise(email),
                String.valueOf(person.givenName()),
                String.valueOf(person.familyName()),
                String.valueOf(person.language()),
                String.valueOf(person.circumstance()),
                String.valueOf(person.collectedAt()),
                String.valueOf(person.consents())));
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
            return new Linked((String) earlier.get(0)[1], (Boolean) earlier.get(0)[2], List.of());
        }
        Optional<Credential> account = accounts.find(email);
        Customer customer = account.filter(Credential::isCustomer)
                .flatMap(credential -> em.createNamedQuery(Customer.BY_CREDENTIAL, Customer.class)
                        .setParameter("credentialId", credential.getId())
                        .getResultStream()
                        .findFirst())
                .filter(found -> found.getAnonymisedAt() == null)
                .orElse(null);
        if (customer == null) {
            if (account.isPresent()) {
                // a staff member's address, or an erased account's: never a customer made from a platform
                throw new Refusal("platform.intake.addressTaken");
            }
            customer = newcomers.create(platform, person);
        }
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
        } else if (em.createNativeQuery("""
                        INSERT INTO platform_person (platform_code, reference, customer_id, linked_at)
                        VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING""")
                        .setParameter(1, platform)
                        .setParameter(2, reference)
                        .setParameter(3, customer.getId())
                        .executeUpdate()
                == 0) {
            // another intake linked the reference or the person a moment ago
            throw new Refusal("platform.intake.referenceTaken");
        }
        em.createNativeQuery("""
                        INSERT INTO platform_intake (platform_code, idempotency_key, request_sha256, reference, created,
                                                     received_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, platform)
                .setParameter(2, idempotencyKey)
                .setParameter(3, fingerprint)
                .setParameter(4, reference)
                .setParameter(5, created)
                .executeUpdate();
        List<String> stands = new ArrayList<>();
        for (Consenting consent : consents) {
            if (!ledger.fromPlatform(
                    customer.getId(),
                    consent.purpose(),
                    consent.given(),
                    platform,
                    consent.at(),
                    consent.policyVersion())) {
                stands.add(consent.purpose());
            }
        }
        return new Linked(reference, created, stands);
    }

    private record Consenting(String purpose, boolean given, int policyVersion, OffsetDateTime at) {}

    /** Each consent checked, its problems under {@code consents[i].field}. */
    private List<Consenting> consentsOf(Person person, Map<String, String> problems) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int newest = policy.number(now);
        List<Consenting> checked = new ArrayList<>();
        for (int i = 0; i < person.consents().size(); i++) {
            PlatformConsent consent = person.consents().get(i);
            String at = "consents[" + i + "].";
            if (consent == null
                    || consent.purpose() == null
                    || ledger.purpose(consent.purpose()).isEmpty()) {
                problems.put(at + "purpose", "platform.intake.consent.purpose");
                continue;
            }
            if (consent.given() == null) {
                problems.put(at + "given", "platform.intake.consent.given");
            }
            if (consent.policyVersion() == null || consent.policyVersion() < 1 || consent.policyVersion() > newest) {
                problems.put(at + "policyVersion", "platform.intake.consent.policyVersion");
            }
            OffsetDateTime when = null;
            try {
                when = consent.at() == null ? null : OffsetDateTime.parse(consent.at());
            } catch (DateTimeParseException notATime) {
                // answered below
            }
            if (when == null || when.isAfter(now.plusMinutes(5))) {
                problems.put(at + "at", "platform.intake.collectedAt");
            }
            if (consent.given() != null && consent.policyVersion() != null && when != null) {
                checked.add(new Consenting(consent.purpose(), consent.given(), consent.policyVersion(), when));
            }
        }
        return checked;
    }
}

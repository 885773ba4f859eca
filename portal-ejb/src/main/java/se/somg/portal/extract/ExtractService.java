package se.somg.portal.extract;

import static se.somg.portal.kernel.Role.Names.CUSTOMER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.ResourceBundle;
import se.somg.portal.PortalLanguage;
import se.somg.portal.Refusal;
import se.somg.portal.account.CurrentCustomer;
import se.somg.portal.account.Customer;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.kernel.ExtractSink;
import se.somg.portal.metrics.Counters;

/**
 * The register extract (policy §7, GDPR art. 15 and 20), always of the calling customer. It is streamed to the
 * caller while its SHA-256 is computed, then recorded and audited with that digest in the same transaction.
 */
@Stateless
@RolesAllowed(CUSTOMER)
public class ExtractService {

    @Inject
    private Clock clock;

    public static final int PER_HOUR = 5;
    public static final String SCHEMA = "/se/somg/portal/extract/register-extract-v1.schema.json";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentCustomer current;

    @Inject
    private ExtractComposer composer;

    @Inject
    private AuditTrail audit;

    @jakarta.ejb.EJB
    private ExtractService self;

    @Inject
    private Counters counters;

    /** Refuses before anything is written when the customer has had {@value #PER_HOUR} extracts this hour. */
    public void checkAllowance() {
        if (issuedLastHour(current.get().getId()) >= PER_HOUR) {
            throw new Refusal("extract.tooMany");
        }
    }

    /**
     * Writes the caller's extract to {@code out} in their language. The extract is made, recorded and committed
     * first ({@link #issue}), and only then sent: a slow client holds no row lock and no database connection.
     *
     * @return the record of what was issued, with its digest
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ExtractRecord write(ExtractFormat format, String language, OutputStream out) {
        Issued issued = self.issue(format, language);
        try {
            out.write(issued.bytes());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return issued.record();
    }

    /** An extract made and recorded; kept in memory, never on disk, until it is sent. */
    public record Issued(ExtractRecord record, byte[] bytes) {}

    /** Makes the caller's extract under the customer row lock and records it with its digest, in one transaction. */
    public Issued issue(ExtractFormat format, String language) {
        Customer customer = current.get();
        // one extract at a time per customer, so the hourly count cannot be raced past
        em.lock(customer, LockModeType.PESSIMISTIC_WRITE);
        if (issuedLastHour(customer.getId()) >= PER_HOUR) {
            throw new Refusal("extract.tooMany");
        }
        OffsetDateTime issuedAt = OffsetDateTime.now(clock);
        ResourceBundle texts = texts(language);
        MessageDigest sha256 = sha256();
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(64 * 1024);
        DigestOutputStream digesting = new DigestOutputStream(buffer, sha256);
        try {
            ExtractSink sink = format == ExtractFormat.JSON
                    ? new JsonExtractSink(digesting)
                    : new PdfExtractSink(digesting, texts, texts.getString("title"));
            composer.write(customer, texts, issuedAt, sink);
            digesting.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExtractRecord record = new ExtractRecord(
                customer.getId(), format, issuedAt, HexFormat.of().formatHex(sha256.digest()));
        em.persist(record);
        audit.record(AuditAction.EXTRACT_ISSUED, customer.getId(), format + " sha256=" + record.getSha256());
        counters.extractIssued();
        return new Issued(record, buffer.toByteArray());
    }

    /**
     * When the portal issued the file with this SHA-256, if it did: anyone may ask, and learns nothing else (not
     * whose extract it is). The digest is 256 bits, so it cannot be guessed.
     */
    @jakarta.annotation.security.PermitAll
    public java.util.Optional<OffsetDateTime> issuedAt(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return java.util.Optional.empty();
        }
        return em
                .createQuery(
                        "SELECT r.issuedAt FROM ExtractRecord r WHERE r.sha256 = :digest ORDER BY r.issuedAt",
                        OffsetDateTime.class)
                .setParameter("digest", sha256)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** The extracts issued to the caller, newest first, with their digests. */
    public List<ExtractRecord> issued() {
        return em.createQuery(
                        "SELECT r FROM ExtractRecord r WHERE r.customerId = :customer ORDER BY r.issuedAt DESC",
                        ExtractRecord.class)
                .setParameter("customer", current.get().getId())
                .setMaxResults(50)
                .getResultList();
    }

    private long issuedLastHour(long customerId) {
        return em.createQuery(
                        "SELECT COUNT(r) FROM ExtractRecord r WHERE r.customerId = :customer AND r.issuedAt > :since",
                        Long.class)
                .setParameter("customer", customerId)
                .setParameter("since", OffsetDateTime.now(clock).minusHours(1))
                .getSingleResult();
    }

    static ResourceBundle texts(String language) {
        return ResourceBundle.getBundle(
                "se.somg.portal.extract.extract", PortalLanguage.of(language).locale());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

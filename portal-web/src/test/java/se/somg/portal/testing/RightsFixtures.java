package se.somg.portal.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import se.somg.portal.PortalLanguage;
import se.somg.portal.account.AccountCreation;
import se.somg.portal.account.Customer;
import se.somg.portal.account.LoginRecord;
import se.somg.portal.account.SignInMethod;
import se.somg.portal.account.TokenPurpose;
import se.somg.portal.account.Tokens;
import se.somg.portal.audit.AuditEvent;
import se.somg.portal.consent.ConsentLedger;
import se.somg.portal.consent.ConsentMethod;
import se.somg.portal.disclosure.LawfulDisclosure;
import se.somg.portal.extract.ExtractFormat;
import se.somg.portal.extract.ExtractRecord;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.ErasureStep;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.Platform;
import se.somg.portal.kernel.PostalAddress;
import se.somg.portal.mail.OutboxMessage;
import se.somg.portal.preference.Preferences;
import se.somg.portal.profile.CampaignImage;
import se.somg.portal.profile.DatumSources;
import se.somg.portal.profile.Interest;
import se.somg.portal.profile.ProfileField;
import se.somg.portal.profile.Rectification;
import se.somg.portal.request.Complaint;
import se.somg.portal.request.ComplaintCategory;
import se.somg.portal.request.RequestKind;
import se.somg.portal.request.SubjectRequest;

/** Customers with data in every feature, expired contracts, and a scan of every text column: for rights tests. */
@Stateless
@PermitAll
public class RightsFixtures {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccountCreation accounts;

    @Inject
    private DatumSources sources;

    @Inject
    private Preferences preferences;

    @Inject
    private ConsentLedger consents;

    @Inject
    private Tokens tokens;

    @Inject
    @Any
    private Instance<ExtractSection> extractSections;

    @Inject
    @Any
    private Instance<ErasureStep> erasureSteps;

    /** The values a test searches for after an erasure. */
    public record Subject(
            long customerId,
            long requestId,
            long requestVersion,
            String givenName,
            String familyName,
            String email,
            String pnr,
            String phone,
            String street) {
        public List<String> values() {
            return List.of(familyName, email, pnr, phone, street);
        }
    }

    /** A customer with something in every table that holds personal data, and an open erasure request. */
    public Subject customerWithDataEverywhere(String tag) {
        String family = "Quistorp" + tag;
        String email = "erase." + tag + "@example.com";
        String pnr = "19450414" + tag.substring(tag.length() - 4);
        String phone = "+467355" + tag.substring(tag.length() - 5);
        String street = "Raderingsvägen " + tag;
        Customer customer = accounts.customer(
                email,
                "Erase-Test-2020".toCharArray(),
                "Zerina",
                family,
                Platform.SOMG_SE,
                CollectionCircumstance.EVENT);
        customer.setPersonalIdentityNumber(pnr);
        customer.setBirthDate(LocalDate.of(1945, 4, 14));
        customer.setPostalAddress(new PostalAddress(street, "191 45", "Sollentuna", "SE"));
        customer.setPhone(phone);
        customer.setOccupation("Raderare " + tag);
        em.flush();
        long id = customer.getId();
        OffsetDateTime now = OffsetDateTime.now();
        for (ProfileField field : ProfileField.values()) {
            if (field.ordinal() <= ProfileField.OCCUPATION.ordinal()) {
                sources.record(id, field, Platform.SOMG_SE, CollectionCircumstance.EVENT, now);
            }
        }
        preferences.createDefaults(id);
        em.persist(new Interest(id, "Intresse " + family, Platform.SOMG_SE, CollectionCircumstance.SURVEY, now));
        em.persist(
                new CampaignImage(id, "Kampanj " + family, "image/png", new byte[] {1, 2, 3}, Platform.SOMG_SE, now));
        consents.change(id, "COMPETITIONS", true, ConsentMethod.PORTAL, null, now);
        em.persist(new Rectification(id, ProfileField.PHONE, now, Rectification.BY_CUSTOMER));
        em.persist(new LoginRecord(customer.getCredential(), now, SignInMethod.CODE, "Firefox", "Linux", null));
        tokens.issue(customer.getCredential(), TokenPurpose.CONFIRM_EMAIL_CHANGE, "new." + email);
        em.persist(
                new OutboxMessage(email, "Hej Zerina " + family, "Din adress " + street + ", telefon " + phone, now));
        em.persist(new OutboxMessage("new." + email, "Bekräfta", "Hej " + family, now));
        em.persist(new Complaint(id, ComplaintCategory.OTHER, "Jag heter Zerina " + family + ", ring " + phone, now));
        em.persist(new LawfulDisclosure(
                id,
                "Polismyndigheten",
                "Rättegångsbalken 27 kap.",
                LocalDate.now(),
                "Namn, adress",
                now,
                "PRIVACY_OFFICER:1"));
        em.persist(new ExtractRecord(id, ExtractFormat.JSON, now, "0".repeat(64)));
        em.persist(new AuditEvent(now, "SUPPORT:1", "CUSTOMER_LOOKUP", id, "term=" + email + " " + pnr));
        SubjectRequest request =
                new SubjectRequest(id, RequestKind.ERASURE, "Radera allt om " + street + ", " + pnr, now);
        em.persist(request);
        em.flush();
        return new Subject(id, request.getId(), request.getVersion(), "Zerina", family, email, pnr, phone, street);
    }

    /** Every text column of every table of the portal that holds one of the values, as table.column=value. */
    @SuppressWarnings("unchecked")
    public List<String> textColumnsHolding(List<String> values) {
        List<Object[]> columns = em.createNativeQuery("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character')
                  AND table_name <> 'flyway_schema_history'""").getResultList();
        List<String> found = new ArrayList<>();
        for (Object[] column : columns) {
            for (String value : values) {
                Number hits = (Number) em.createNativeQuery(
                                "SELECT COUNT(*) FROM \"" + column[0] + "\" WHERE \"" + column[1] + "\" ILIKE ?1")
                        .setParameter(1, "%" + value + "%")
                        .getSingleResult();
                if (hits.longValue() > 0) {
                    found.add(column[0] + "." + column[1] + "=" + value);
                }
            }
        }
        return found;
    }

    /**
     * Feature beans held against the schema: which candidate tables no bean names; which names the schema does not
     * have; which tables are named both as handled and as left alone.
     */
    public record TableCoverage(Set<String> unnamed, Set<String> unknown, Set<String> both, Set<String> candidates)
            implements Serializable {}

    /**
     * The erasure steps: tables that could hold personal data (a text column, or a reference to a customer or an
     * account) are each erased or kept by a step.
     */
    public TableCoverage erasureCoverage() {
        Set<String> erased = new HashSet<>();
        Set<String> kept = new HashSet<>();
        for (ErasureStep step : erasureSteps) {
            erased.addAll(step.erases());
            kept.addAll(step.keeps().keySet());
        }
        return coverage(
                "c.data_type IN ('text', 'character varying', 'character', 'bytea')"
                        + " OR c.column_name IN ('customer_id', 'credential_id')",
                erased,
                kept);
    }

    /** The same for the register extract: each table with a customer reference is read by a section or left out. */
    public TableCoverage extractCoverage() {
        Set<String> read = new HashSet<>();
        Set<String> left = new HashSet<>();
        for (ExtractSection section : extractSections) {
            read.addAll(section.reads());
            left.addAll(section.leavesOut().keySet());
        }
        return coverage("c.column_name IN ('customer_id', 'credential_id')", read, left);
    }

    /** The base tables with a column that matches, against the tables that are handled or declared left alone. */
    @SuppressWarnings("unchecked")
    private TableCoverage coverage(String columnCondition, Set<String> handled, Set<String> leftAlone) {
        Set<String> candidates =
                new TreeSet<>(em.createNativeQuery("""
                        SELECT DISTINCT c.table_name FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND (""" + columnCondition + ")").getResultList());
        Set<String> named = new HashSet<>(handled);
        named.addAll(leftAlone);
        Set<String> unnamed = new TreeSet<>(candidates);
        unnamed.removeAll(named);
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(tables());
        Set<String> both = new TreeSet<>(handled);
        both.retainAll(leftAlone);
        return new TableCoverage(unnamed, unknown, both, candidates);
    }

    /** Every column of the portal's schema, as {@code table.column}. */
    @SuppressWarnings("unchecked")
    public List<String> columns() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()
                ORDER BY table_name, column_name""").getResultList();
        return rows.stream().map(row -> row[0] + "." + row[1]).toList();
    }

    /** Every column of the schema that holds text, as table.column. */
    @SuppressWarnings("unchecked")
    public List<String> textColumns() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()
                  AND data_type IN ('text', 'character varying', 'character')
                  AND table_name <> 'flyway_schema_history'
                ORDER BY table_name, column_name""").getResultList();
        return rows.stream().map(row -> row[0] + "." + row[1]).toList();
    }

    /** Every table of the portal's schema: the scan must cover them all. */
    @SuppressWarnings("unchecked")
    public List<String> tables() {
        return em.createNativeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
                .getResultList();
    }

    /** Former customers whose contracts ended {@code yearsAgo} years ago, created in one statement each table. */
    public void formerCustomers(String tag, int count, int yearsAgo) {
        em.createNativeQuery("""
                        INSERT INTO credential (id, email, password_hash, kind, failed_attempts, created_at, confirmed_at, version)
                        SELECT nextval('retention_fixture_seq'), 'former.' || ?1 || '.' || n || '@example.com', 'x', 'CUSTOMER', 0, now(), now(), 0
                        FROM generate_series(1, ?2) AS n""").setParameter(1, tag).setParameter(2, count).executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO customer (id, credential_id, given_name, family_name, phone, platform, collected_through,
                                              created_at, preferred_language, contract_ended_at, version)
                        SELECT cr.id, cr.id, 'Former', 'Kund ' || ?1, '+4670000' || lpad((cr.id % 10000)::text, 4, '0'),
                               'SOMG_SE', 'CONTRACT', now(), 'sv', now() - make_interval(years => ?2), 0
                        FROM credential cr WHERE cr.email LIKE 'former.' || ?1 || '.%'""").setParameter(1, tag).setParameter(2, yearsAgo).executeUpdate();
    }

    /** A sent mail from half a year ago, which housekeeping should remove. */
    public long oldSentMail() {
        OutboxMessage old = new OutboxMessage(
                "old.mail@example.com", "Gammalt", "Hej", OffsetDateTime.now().minusMonths(6));
        old.sent(OffsetDateTime.now().minusMonths(6));
        em.persist(old);
        em.flush();
        return old.getId();
    }

    public boolean mailExists(long id) {
        em.getEntityManagerFactory().getCache().evictAll();
        return em.find(OutboxMessage.class, id) != null;
    }

    public void createFixtureSequence() {
        em.createNativeQuery("CREATE SEQUENCE IF NOT EXISTS retention_fixture_seq START WITH 50000000")
                .executeUpdate();
    }

    public long formerCustomersLeft(String tag) {
        return ((Number) em.createNativeQuery(
                                "SELECT COUNT(*) FROM customer WHERE family_name = 'Kund ' || ?1 AND anonymised_at IS NULL")
                        .setParameter(1, tag)
                        .getSingleResult())
                .longValue();
    }

    public void grantMarketing(long customerId) {
        consents.change(customerId, "MARKETING_LISTS", true, ConsentMethod.PORTAL, null, OffsetDateTime.now());
    }

    public boolean marketingAllowed(long customerId) {
        return consents.marketingAllowed(customerId);
    }

    /**
     * A customer of the test's own with two open requests, the later-filed one first, so a queue in due order must
     * turn them round. @return the request ids, the one due first first
     */
    public List<Long> customerWithTwoOpenRequests(String tag) {
        Customer customer = accounts.customer(
                "queue." + tag + "@example.com",
                "Queue-Test-2020".toCharArray(),
                "Kö",
                "Kösson" + tag,
                Platform.SOMG_SE,
                CollectionCircumstance.REGISTRATION);
        em.flush();
        OffsetDateTime now = OffsetDateTime.now();
        SubjectRequest later = new SubjectRequest(customer.getId(), RequestKind.OBJECTION, null, now.minusDays(1));
        em.persist(later);
        SubjectRequest earlier = new SubjectRequest(customer.getId(), RequestKind.RESTRICTION, null, now.minusDays(2));
        em.persist(earlier);
        em.flush();
        return List.of(earlier.getId(), later.getId());
    }

    public void speaks(long customerId, PortalLanguage language) {
        em.find(Customer.class, customerId).setPreferredLanguage(language.code());
    }

    /** A request as if the customer had filed it. */
    public SubjectRequest fileRequest(long customerId, RequestKind kind) {
        SubjectRequest request = new SubjectRequest(customerId, kind, null, OffsetDateTime.now());
        em.persist(request);
        em.flush();
        return request;
    }

    public void setContractEnded(long customerId, OffsetDateTime at) {
        em.find(Customer.class, customerId).setContractEndedAt(at);
    }

    public Customer customer(long customerId) {
        em.getEntityManagerFactory().getCache().evictAll();
        return em.find(Customer.class, customerId);
    }

    public long mailsTo(String recipient, String subjectPart) {
        return em.createQuery(
                        "SELECT COUNT(m) FROM OutboxMessage m WHERE m.recipient = :r AND m.subject LIKE :s", Long.class)
                .setParameter("r", recipient)
                .setParameter("s", "%" + subjectPart + "%")
                .getSingleResult();
    }

    /**
     * The plan PostgreSQL makes for a statement with its values, sequential scans made as dear as they can be: a
     * "Seq Scan" on a table in it means no index can serve the statement there (on a small test table the planner
     * would read it whole even with a good index).
     */
    public String plan(String sql, List<Object> values) {
        em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
        jakarta.persistence.Query explain = em.createNativeQuery("EXPLAIN " + sql);
        for (int i = 0; i < values.size(); i++) {
            explain.setParameter(i + 1, values.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object> lines = explain.getResultList();
        return lines.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("\n"));
    }
}

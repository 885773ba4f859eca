package se.somg.portal.extract;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.somg.portal.account.Customer;
import se.somg.portal.consent.Consent;
import se.somg.portal.consent.ConsentLedger;
import se.somg.portal.consent.ConsentPurpose;
import se.somg.portal.profile.DatumSource;
import se.somg.portal.profile.DatumSources;
import se.somg.portal.profile.PostalAddress;
import se.somg.portal.profile.ProfileField;
import se.somg.portal.profile.Provenance;
import se.somg.portal.retention.RetentionPolicy;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads everything the portal holds about one customer and writes it to a sink, section by section. Long
 * histories are read in pages of {@value #PAGE} rows by id, as plain rows that the persistence context never
 * keeps, so memory stays flat however long the history is.
 */
@Dependent
class ExtractComposer {

    static final String FORMAT = "somg-register-extract";
    static final int SCHEMA_VERSION = 1;
    private static final int PAGE = 1000;
    private static final String[] DATUM_COLUMNS = {"datum", "value", "platform", "circumstance", "collectedAt"};

    @PersistenceContext
    private EntityManager em;

    @Inject
    private se.somg.portal.Controller controller;

    @Inject
    private DatumSources sources;

    @Inject
    private ConsentLedger consents;

    @Inject
    private RetentionPolicy retention;

    @jakarta.ejb.EJB
    private se.somg.portal.audit.StaffAccess staffAccess;

    void write(Customer customer, ResourceBundle texts, OffsetDateTime issuedAt, ExtractSink sink) throws IOException {
        String language = texts.getLocale().getLanguage();
        sink.value("format", FORMAT);
        sink.value("schemaVersion", SCHEMA_VERSION);
        sink.value("issuedAt", issuedAt);
        sink.value("language", language);
        controller(texts, sink);
        account(customer, sink);
        personalData(customer, sink);
        purposes(customer.getId(), texts, language, sink);
        recipients(customer.getId(), texts, sink);
        retention(customer, texts, sink);
        consentSection(customer.getId(), language, sink);
        preferences(customer.getId(), sink);
        history(customer, language, sink);
        staffAccess(sink);
        sink.finish();
    }

    private void controller(ResourceBundle texts, ExtractSink sink) throws IOException {
        sink.startSection("controller");
        sink.value("name", controller.getName());
        sink.value("organisationNumber", controller.getOrganisationNumber());
        sink.value("address", controller.getAddress() + ", " + texts.getString("controller.country"));
        sink.value("email", controller.getEmail());
        sink.value("supervisoryAuthority", texts.getString("text.supervisoryAuthority"));
        sink.endSection();
    }

    private static void account(Customer customer, ExtractSink sink) throws IOException {
        sink.startSection("account");
        sink.value("customerNumber", customer.getId());
        sink.value("createdAt", customer.getCreatedAt());
        sink.value("platform", customer.getPlatform().getHost());
        sink.value("collectedThrough", ExtractCode.of(customer.getCollectedThrough()));
        sink.value("preferredLanguage", customer.getPreferredLanguage());
        sink.value("acceptedPolicyVersion", customer.getAcceptedPolicyVersion());
        sink.value("policyAcceptedAt", customer.getPolicyAcceptedAt());
        sink.value("restrictedAt", customer.getRestrictedAt());
        sink.value("contractEndedAt", customer.getContractEndedAt());
        sink.endSection();
    }

    /** Policy §5.1's categories, each datum with where and how it was collected (§5.2). */
    private void personalData(Customer customer, ExtractSink sink) throws IOException {
        Map<ProfileField, DatumSource> provenance = sources.of(customer.getId());
        Function<ProfileField, Provenance> from = field -> provenance.containsKey(field)
                ? provenance.get(field).getProvenance()
                : new Provenance(customer.getPlatform(), customer.getCollectedThrough(), customer.getCreatedAt());
        sink.startSection("personalData");

        sink.startList("name", DATUM_COLUMNS);
        datum(sink, "givenName", customer.getGivenName(), from.apply(ProfileField.GIVEN_NAME));
        datum(sink, "familyName", customer.getFamilyName(), from.apply(ProfileField.FAMILY_NAME));
        sink.endList();

        sink.startList("contactInformation", DATUM_COLUMNS);
        datum(sink, "email", customer.getEmail(), from.apply(ProfileField.EMAIL));
        if (customer.getPhone() != null) {
            datum(sink, "phone", customer.getPhone(), from.apply(ProfileField.PHONE));
        }
        sink.endList();

        sink.startList("birth", DATUM_COLUMNS);
        if (customer.getPersonalIdentityNumber() != null) {
            datum(sink, "personalIdentityNumber", customer.getPersonalIdentityNumber(),
                    from.apply(ProfileField.PERSONAL_IDENTITY_NUMBER));
        }
        if (customer.getBirthDate() != null) {
            datum(sink, "birthDate", customer.getBirthDate().toString(), from.apply(ProfileField.BIRTH_DATE));
        }
        sink.endList();

        sink.startList("postalAddress", DATUM_COLUMNS);
        PostalAddress address = customer.getPostalAddress();
        if (address != null && address.isKnown()) {
            Provenance source = from.apply(ProfileField.POSTAL_ADDRESS);
            datum(sink, "street", address.getStreet(), source);
            datum(sink, "postcode", address.getPostcode(), source);
            datum(sink, "city", address.getCity(), source);
            datum(sink, "country", address.getCountry(), source);
        }
        sink.endList();

        sink.startList("occupation", DATUM_COLUMNS);
        if (customer.getOccupation() != null) {
            datum(sink, "occupation", customer.getOccupation(), from.apply(ProfileField.OCCUPATION));
        }
        sink.endList();

        sink.startList("interests", DATUM_COLUMNS);
        for (Object[] row : rows("SELECT id, tag, platform, circumstance, collected_at FROM interest WHERE customer_id = ?1", customer.getId())) {
            sink.row(ExtractCode.of("interest"), row[1], host(row[2]), ExtractCode.of(row[3]), ExtractValues.time(row[4]));
        }
        sink.endList();

        sink.startList("campaignImages", "campaign", "contentType", "platform", "collectedAt", "deletionRequestedAt");
        for (Object[] row : rows("""
                SELECT id, campaign, content_type, platform, collected_at, deletion_requested_at
                FROM campaign_image WHERE customer_id = ?1""", customer.getId())) {
            sink.row(row[1], row[2], host(row[3]), ExtractValues.time(row[4]), ExtractValues.time(row[5]));
        }
        sink.endList();
        sink.endSection();
    }

    private static void datum(ExtractSink sink, String datum, String value, Provenance source) throws IOException {
        sink.row(ExtractCode.of(datum), value, source.getPlatform().getHost(), ExtractCode.of(source.getCircumstance()), source.getCollectedAt());
    }

    /** Policy §5.3–5.5: what the data is used for and on what legal basis. */
    private void purposes(long customerId, ResourceBundle texts, String language, ExtractSink sink) throws IOException {
        Map<String, Boolean> given = em.createQuery("SELECT c FROM Consent c WHERE c.customerId = :customer", Consent.class)
                .setParameter("customer", customerId).getResultList().stream()
                .collect(Collectors.toMap(c -> c.getPurpose().getCode(), Consent::isGiven));
        sink.startList("purposes", "purpose", "legalBasis", "dataUsed", "consentGiven");
        for (String fixed : List.of("customerRelationship", "operationalContact", "legalObligations")) {
            sink.row(texts.getString("purpose." + fixed + ".name"), texts.getString("purpose." + fixed + ".basis"),
                    texts.getString("purpose." + fixed + ".data"), null);
        }
        for (ConsentPurpose purpose : consents.purposes()) {
            sink.row(purpose.name(language), purpose.legalBasis(language), purpose.dataUsed(language),
                    given.getOrDefault(purpose.getCode(), false));
        }
        sink.endList();
    }

    /** Policy §5.6: nobody but SOMG, except authorities the law obliged us to answer, each listed. */
    private void recipients(long customerId, ResourceBundle texts, ExtractSink sink) throws IOException {
        sink.startList("recipients", "recipient", "kind", "legalGround", "date", "categories");
        sink.row(java.text.MessageFormat.format(texts.getString("recipient.controller"), controller.getName()), ExtractCode.of("CONTROLLER"), texts.getString("recipient.controller.ground"), null,
                texts.getString("recipient.controller.categories"));
        for (Object[] row : rows("""
                SELECT id, recipient, legal_ground, disclosed_on, categories
                FROM lawful_disclosure WHERE customer_id = ?1""", customerId)) {
            sink.row(row[1], ExtractCode.of("AUTHORITY"), row[2], ExtractValues.time(row[3]), row[4]);
        }
        sink.endList();
    }

    private void retention(Customer customer, ResourceBundle texts, ExtractSink sink) throws IOException {
        sink.startSection("retention");
        sink.value("rule", java.text.MessageFormat.format(texts.getString("retention.rule"), retention.months()));
        sink.value("periodMonths", retention.months());
        sink.value("contractEndedAt", customer.getContractEndedAt());
        sink.value("deletionDate", customer.getContractEndedAt() == null ? null
                : retention.deletionDate(customer.getContractEndedAt()));
        sink.endSection();
    }

    private void consentSection(long customerId, String language, ExtractSink sink) throws IOException {
        Map<Long, String> names = consents.purposes().stream()
                .collect(Collectors.toMap(ConsentPurpose::getId, purpose -> purpose.name(language)));
        sink.startSection("consents");
        sink.startList("history", "receiptId", "purpose", "given", "occurredAt", "policyVersion", "method");
        for (Object[] row : rows("""
                SELECT id, receipt_id, purpose_id, given, occurred_at, policy_version, method
                FROM consent_event WHERE customer_id = ?1""", customerId)) {
            sink.row(row[1].toString(), names.get(((Number) row[2]).longValue()), row[3], ExtractValues.time(row[4]),
                    ((Number) row[5]).intValue(), ExtractCode.of(row[6]));
        }
        sink.endList();
        sink.endSection();
    }

    private void preferences(long customerId, ExtractSink sink) throws IOException {
        sink.startList("contactPreferences", "channel", "kind", "enabled");
        for (Object[] row : rows("SELECT id, channel, kind, enabled FROM contact_preference WHERE customer_id = ?1", customerId)) {
            sink.row(ExtractCode.of(row[1]), ExtractCode.of(row[2]), row[3]);
        }
        sink.endList();
    }

    private void history(Customer customer, String language, ExtractSink sink) throws IOException {
        long id = customer.getId();
        sink.startList("rectifications", "field", "changedAt", "changedBy");
        for (Object[] row : rows("SELECT id, field, changed_at, changed_by FROM rectification WHERE customer_id = ?1", id)) {
            sink.row(ExtractCode.of(row[1]), ExtractValues.time(row[2]), ExtractCode.of(row[3]));
        }
        sink.endList();

        // notices the customer opened or was mailed; those only shown in the inbox hold nothing about them
        String title = se.somg.portal.PortalLanguage.of(language).pick("title_sv", "title_en");
        sink.startList("notifications", "kind", "title", "publishedAt", "readAt", "acknowledgedAt");
        for (Object[] row : rows("SELECT id, kind, title, publish_at, read_at, acknowledged_at FROM ("
                + " SELECT n.id, n.kind, n." + title + " AS title, n.publish_at, r.read_at, r.acknowledged_at"
                + " FROM notice n"
                + " LEFT JOIN notice_receipt r ON r.notice_id = n.id AND r.customer_id = ?1"
                + " LEFT JOIN notice_mailing m ON m.notice_id = n.id AND m.customer_id = ?1"
                + " WHERE r.customer_id IS NOT NULL OR m.customer_id IS NOT NULL) AS received WHERE TRUE", id)) {
            sink.row(ExtractCode.of(row[1]), row[2], ExtractValues.time(row[3]), ExtractValues.time(row[4]), ExtractValues.time(row[5]));
        }
        sink.endList();

        sink.startList("requests", "kind", "status", "message", "filedAt", "dueAt", "extensionReason", "resolution", "resolvedAt");
        for (Object[] row : rows("""
                SELECT id, kind, status, message, filed_at, COALESCE(extended_due_at, due_at), extension_reason, resolution, resolved_at
                FROM subject_request WHERE customer_id = ?1""", id)) {
            sink.row(ExtractCode.of(row[1]), ExtractCode.of(row[2]), row[3], ExtractValues.time(row[4]), ExtractValues.time(row[5]), row[6], row[7],
                    ExtractValues.time(row[8]));
        }
        sink.endList();

        sink.startList("complaints", "category", "text", "filedAt", "answer", "answeredAt");
        for (Object[] row : rows("SELECT id, category, text, filed_at, answer, answered_at FROM complaint WHERE customer_id = ?1", id)) {
            sink.row(ExtractCode.of(row[1]), row[2], ExtractValues.time(row[3]), row[4], ExtractValues.time(row[5]));
        }
        sink.endList();

        sink.startList("logins", "loggedInAt");
        for (Object[] row : rows("SELECT id, logged_in_at FROM login_record WHERE credential_id = ?1",
                customer.getCredential().getId())) {
            sink.row(ExtractValues.time(row[1]));
        }
        sink.endList();

        sink.startList("extracts", "issuedAt", "format", "sha256");
        for (Object[] row : rows("SELECT id, issued_at, format, sha256 FROM extract_record WHERE customer_id = ?1", id)) {
            sink.row(ExtractValues.time(row[1]), ExtractCode.of(row[2]), row[3]);
        }
        sink.endList();
    }

    /** Every time staff opened or handed out this customer's data: when, which role, why (never who). */
    private void staffAccess(ExtractSink sink) throws IOException {
        sink.startList("staffAccess", "accessedAt", "staffRole", "reason");
        for (se.somg.portal.audit.StaffAccess.Entry entry : staffAccess.mine()) {
            sink.row(entry.getAt(), ExtractCode.of(entry.getRole()), ExtractCode.of(entry.getAction()));
        }
        sink.endList();
    }

    private static String host(Object platform) {
        return se.somg.portal.profile.Platform.valueOf(platform.toString()).getHost();
    }

    /**
     * The rows of a query whose first column is the id and whose only parameter is the owner, read page by page
     * in id order (keyset paging, so each page is an index range scan).
     */
    private Iterable<Object[]> rows(String select, long ownerId) {
        String paged = select + " AND id > ?2 ORDER BY id LIMIT " + PAGE;
        return () -> new java.util.Iterator<>() {
            private List<Object[]> page = List.of();
            private int next;
            private long after = Long.MIN_VALUE;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (next < page.size()) {
                    return true;
                }
                if (last) {
                    return false;
                }
                page = fetch();
                next = 0;
                last = page.size() < PAGE;
                return !page.isEmpty();
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Object[] row = page.get(next++);
                after = ((Number) row[0]).longValue();
                return row;
            }

            @SuppressWarnings("unchecked")
            private List<Object[]> fetch() {
                return em.createNativeQuery(paged).setParameter(1, ownerId).setParameter(2, after).getResultList();
            }
        };
    }
}

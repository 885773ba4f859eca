package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.somg.portal.account.Customer;
import se.somg.portal.account.LoginGuard;
import se.somg.portal.audit.AuditFilter;
import se.somg.portal.audit.AuditSearch;
import se.somg.portal.disclosure.DisclosureService;
import se.somg.portal.request.Complaint;
import se.somg.portal.request.ComplaintCategory;
import se.somg.portal.request.ComplaintService;
import se.somg.portal.request.RequestKind;
import se.somg.portal.request.RequestService;
import se.somg.portal.request.RequestStatus;
import se.somg.portal.request.SubjectRequest;
import se.somg.portal.retention.RetentionBatch;
import se.somg.portal.retention.RetentionRun;
import se.somg.portal.retention.RetentionService;
import se.somg.portal.support.CustomerLookup;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.RightsFixtures;
import se.somg.portal.testing.RunAsCustomer;
import se.somg.portal.testing.RunAsPrivacyOfficer;
import se.somg.portal.testing.TestAccounts;
import se.somg.portal.testing.TestSupport;

/** Data-subject requests, complaints, lawful disclosures, erasure and retention, in Payara Micro on PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class RightsServiceIT {

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses(RightsServiceIT.class, TestSupport.class, RightsFixtures.class);
    }

    @EJB
    private RequestService requests;

    @EJB
    private ComplaintService complaints;

    @EJB
    private DisclosureService disclosures;

    @EJB
    private RetentionService retention;

    @EJB
    private RetentionBatch batches;

    @EJB
    private LoginGuard logins;

    @EJB
    private RunAsCustomer asCustomer;

    @EJB
    private RunAsPrivacyOfficer asOfficer;

    @EJB
    private TestSupport db;

    @EJB
    private RightsFixtures fixtures;

    /** The mails this class reads are Swedish: Rune speaks Swedish whatever another class left him speaking. */
    @BeforeEach
    void runeSpeaksSwedish() {
        fixtures.speaks(runeId(), PortalLanguage.SWEDISH);
    }

    private long runeId() {
        return db.customerOf(TestAccounts.RUN_AS_CUSTOMER_ID).getId();
    }

    private static String tag() {
        return String.valueOf(System.nanoTime()).substring(4);
    }

    /**
     * Issue 29: the look-up and the audit trail read index ranges, however large the tables grow (the size itself is
     * measured in bench/run-issue29.sh). A change that brings a whole-table read back fails here.
     */
    @Test
    void theLookUpAndTheAuditTrailReadIndexRangesNeverWholeTables() {
        String lookup = fixtures.plan(CustomerLookup.SEARCH, List.of("anna.andersson@example.com", "an%"));
        assertReadsNoWholeTable(lookup);
        assertRange(lookup, "customer_family_name_prefix");
        assertRange(lookup, "customer_given_name_prefix");
        OffsetDateTime from = OffsetDateTime.parse("2026-01-01T00:00:00+01:00");
        Map<AuditFilter, String> filters = new LinkedHashMap<>();
        filters.put(new AuditFilter(null, null, null, null, null), "audit_event_newest");
        filters.put(
                new AuditFilter("anna.andersson@example.com", null, null, null, null), "audit_event_customer_newest");
        filters.put(new AuditFilter(null, "support@somg.example", null, null, null), "audit_event_staff_newest");
        filters.put(new AuditFilter(null, null, "CUSTOMER_LOOKUP", null, null), "audit_event_action_newest");
        filters.put(new AuditFilter(null, null, null, from, from.plusMonths(1)), "audit_event_newest");
        filters.forEach((filter, index) -> {
            AuditSearch.Statement page = AuditSearch.pageQuery(filter, staffIdOf(filter), 0, null, 25);
            String pagePlan = fixtures.plan(page.sql(), page.values());
            assertReadsNoWholeTable(pagePlan);
            assertTrue(pagePlan.contains(index), filter + " reads " + index + ":\n" + pagePlan);
            // reading on: the next page starts inside the index where the last one ended, never counts its way there
            AuditSearch.Statement next = AuditSearch.pageQuery(
                    filter, staffIdOf(filter), 0, new AuditSearch.Cursor(from.plusDays(3), 4242), 25);
            String nextPlan = fixtures.plan(next.sql(), next.values());
            assertReadsNoWholeTable(nextPlan);
            assertRange(nextPlan, index);
            AuditSearch.Statement count = AuditSearch.countQuery(filter, staffIdOf(filter));
            String countPlan = fixtures.plan(count.sql(), count.values());
            assertReadsNoWholeTable(countPlan);
            if (!filter.equals(new AuditFilter(null, null, null, null, null))) {
                // a filter is a range of its index, not a reading of the whole index with the filter beside it
                assertRange(countPlan, index.equals("audit_event_newest") ? "audit_event" : index);
            }
        });
    }

    private static String staffIdOf(AuditFilter filter) {
        return filter.staffEmail() == null ? null : "4711";
    }

    /** The plan reads the named index (or some index of the named table) by a range condition. */
    private static void assertRange(String plan, String index) {
        String[] lines = plan.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("Index") && lines[i].contains(" on " + index)
                    || lines[i].contains(" using " + index)) {
                for (int j = i + 1; j < lines.length && !lines[j].contains("->"); j++) {
                    if (lines[j].contains("Index Cond")) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no range of " + index + " in:\n" + plan);
    }

    private static void assertReadsNoWholeTable(String plan) {
        assertFalse(
                java.util.regex.Pattern.compile("Seq Scan on (customer|credential|audit_event)\\b")
                        .matcher(plan)
                        .find(),
                plan);
    }

    @Test
    void aRequestIsDueInAMonthAndEveryStepIsAuditedAndMailed() throws Exception {
        long received = fixtures.mailsTo(TestAccounts.RUN_AS_CUSTOMER_EMAIL, "tagit emot din begäran");
        long moreTime = fixtures.mailsTo(TestAccounts.RUN_AS_CUSTOMER_EMAIL, "mer tid");
        long completed = fixtures.mailsTo(TestAccounts.RUN_AS_CUSTOMER_EMAIL, "genomförd");
        SubjectRequest filed =
                asCustomer.call(() -> requests.file(RequestKind.RECTIFICATION, "  My birth year is wrong  "));

        assertEquals(RequestStatus.SUBMITTED, filed.getStatus());
        assertEquals(
                filed.getFiledAt()
                        .atZoneSameInstant(java.time.ZoneId.of("Europe/Stockholm"))
                        .plusMonths(1)
                        .toInstant(),
                filed.getDueAt().toInstant(),
                "GDPR art. 12(3): one calendar month");
        assertEquals("My birth year is wrong", filed.getMessage());
        assertEquals(
                1,
                db.count(
                        "SELECT COUNT(e) FROM AuditEvent e WHERE e.action = 'REQUEST_FILED' AND e.detail = ?1",
                        "RECTIFICATION #" + filed.getId()));
        assertEquals(
                received + 1,
                fixtures.mailsTo(TestAccounts.RUN_AS_CUSTOMER_EMAIL, "tagit emot din begäran"),
                "the customer is told");
        assertEquals(
                Refusal.class,
                assertThrows(Refusal.class, () -> asCustomer.call(() -> requests.file(RequestKind.RECTIFICATION, null)))
                        .getClass(),
                "one open request of a kind at a time");

        SubjectRequest queued = asOfficer.call(() -> requests.queue()).stream()
                .filter(r -> r.getId().equals(filed.getId()))
                .findFirst()
                .orElseThrow();
        asOfficer.call(() -> {
            requests.start(queued.getId(), queued.getVersion());
            return null;
        });
        assertEquals(
                Refusal.class,
                assertThrows(
                                Refusal.class,
                                () -> asOfficer.call(() -> {
                                    requests.extend(queued.getId(), queued.getVersion(), 1, "stale");
                                    return null;
                                }))
                        .getClass(),
                "a step from a stale page is refused");

        SubjectRequest started = current(filed.getId());
        assertThrows(
                InvalidInput.class,
                () -> asOfficer.call(() -> {
                    requests.extend(started.getId(), started.getVersion(), 3, "Too long");
                    return null;
                }),
                "at most two further months");
        assertThrows(
                InvalidInput.class,
                () -> asOfficer.call(() -> {
                    requests.extend(started.getId(), started.getVersion(), 2, " ");
                    return null;
                }),
                "an extension needs its reason");
        asOfficer.call(() -> {
            requests.extend(started.getId(), started.getVersion(), 2, "Many requests this month");
            return null;
        });
        SubjectRequest extended = current(filed.getId());
        assertEquals(
                extended.getDueAt()
                        .atZoneSameInstant(java.time.ZoneId.of("Europe/Stockholm"))
                        .plusMonths(2)
                        .toInstant(),
                extended.getEffectiveDueAt().toInstant());
        assertEquals(
                Refusal.class,
                assertThrows(
                                Refusal.class,
                                () -> asOfficer.call(() -> {
                                    requests.extend(extended.getId(), extended.getVersion(), 1, "Again");
                                    return null;
                                }))
                        .getClass(),
                "only one extension");
        assertEquals(moreTime + 1, fixtures.mailsTo(TestAccounts.RUN_AS_CUSTOMER_EMAIL, "mer tid"), "told once");

        assertThrows(
                InvalidInput.class,
                () -> asOfficer.call(() -> {
                    requests.reject(extended.getId(), extended.getVersion(), "");
                    return null;
                }),
                "a rejection needs its reason");
        asOfficer.call(() -> {
            requests.complete(extended.getId(), extended.getVersion(), "Corrected to 1984");
            return null;
        });
        SubjectRequest done = current(filed.getId());
        assertEquals(RequestStatus.COMPLETED, done.getStatus());
        assertEquals("Corrected to 1984", done.getResolution());
        assertNotNull(done.getResolvedAt());
        for (String action : List.of("REQUEST_STARTED", "REQUEST_EXTENDED", "REQUEST_COMPLETED")) {
            assertEquals(
                    1,
                    db.count(
                            "SELECT COUNT(e) FROM AuditEvent e WHERE e.action = ?1 AND e.detail LIKE ?2",
                            action,
                            "%#" + filed.getId() + "%"),
                    action);
        }
        assertEquals(completed + 1, fixtures.mailsTo(TestAccounts.RUN_AS_CUSTOMER_EMAIL, "genomförd"));
    }

    private SubjectRequest current(long id) throws Exception {
        return asCustomer.call(() -> requests.mine()).stream()
                .filter(r -> r.getId() == id)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void endingTheContractStartsTheRetentionPeriod() throws Exception {
        long rune = runeId();
        long told = fixtures.mailsTo(TestAccounts.RUN_AS_CUSTOMER_EMAIL, "kundrelation har avslutats");
        try {
            java.time.LocalDate anonymisedOn = asCustomer.call(() -> requests.endContract());
            Customer ended = fixtures.customer(rune);
            assertNotNull(ended.getContractEndedAt());
            assertEquals(
                    ended.getContractEndedAt()
                            .plusMonths(24)
                            .atZoneSameInstant(java.time.ZoneId.of("Europe/Stockholm"))
                            .toLocalDate()
                            .plusDays(1),
                    anonymisedOn,
                    "PORTAL_RETENTION_MONTHS defaults to 24");
            assertEquals(anonymisedOn, asCustomer.call(() -> requests.overview().anonymisedOn()));
            assertEquals(
                    Refusal.class,
                    assertThrows(Refusal.class, () -> asCustomer.call(() -> requests.endContract()))
                            .getClass());
            assertEquals(
                    1,
                    db.count(
                            "SELECT COUNT(e) FROM AuditEvent e WHERE e.action = 'CONTRACT_ENDED' AND e.customerId = ?1",
                            rune));
            assertEquals(told + 1, fixtures.mailsTo(TestAccounts.RUN_AS_CUSTOMER_EMAIL, "kundrelation har avslutats"));
            assertFalse(ended.isAnonymised(), "nothing is deleted at once");
        } finally {
            fixtures.setContractEnded(rune, null);
        }
    }

    @Test
    void theQueueIsSortedByDueDateAndIsTheOfficersAlone() throws Exception {
        List<Long> dueFirstFirst = fixtures.customerWithTwoOpenRequests(tag());
        List<SubjectRequest> queue = asOfficer.call(() -> requests.queue());
        assertEquals(
                dueFirstFirst,
                queue.stream()
                        .map(SubjectRequest::getId)
                        .filter(dueFirstFirst::contains)
                        .toList(),
                "the request due first comes first, though it was stored last");
        for (int i = 1; i < queue.size(); i++) {
            assertFalse(
                    queue.get(i).getEffectiveDueAt().isBefore(queue.get(i - 1).getEffectiveDueAt()));
        }
        assertThrows(EJBAccessException.class, () -> asCustomer.call(() -> requests.queue()));
        assertThrows(EJBAccessException.class, () -> requests.queue(), "nor for anyone not logged in");
        assertThrows(EJBAccessException.class, () -> asCustomer.call(() -> complaints.all()));
    }

    @Test
    void badInputChangesNothing() throws Exception {
        long before = db.count("SELECT COUNT(r) FROM SubjectRequest r");
        InvalidInput hidden = assertThrows(
                InvalidInput.class,
                () -> asCustomer.call(() -> requests.file(RequestKind.OBJECTION, "Stop\u0000\u202e now")));
        assertEquals("text.control", hidden.getProblems().get("message"));
        assertThrows(
                InvalidInput.class,
                () -> asCustomer.call(() -> requests.file(RequestKind.OBJECTION, "x".repeat(2001))));
        assertThrows(InvalidInput.class, () -> asCustomer.call(() -> requests.file(null, "no kind")));
        assertEquals(before, db.count("SELECT COUNT(r) FROM SubjectRequest r"));

        long complaintsBefore = db.count("SELECT COUNT(c) FROM Complaint c");
        InvalidInput empty = assertThrows(InvalidInput.class, () -> asCustomer.call(() -> complaints.file(null, "  ")));
        assertEquals("complaints.category.required", empty.getProblems().get("category"));
        assertEquals("text.required", empty.getProblems().get("text"));
        assertEquals(complaintsBefore, db.count("SELECT COUNT(c) FROM Complaint c"));

        assertEquals(
                "disclosures.customer.unknown",
                assertThrows(
                                InvalidInput.class,
                                () -> asOfficer.call(() -> disclosures.record(
                                        "nobody@example.com", "Polisen", "RB 27:1", LocalDate.now(), "Namn")))
                        .getProblems()
                        .get("customer"));
        assertEquals(
                "disclosures.date.future",
                assertThrows(
                                InvalidInput.class,
                                () -> asOfficer.call(() -> disclosures.record(
                                        TestAccounts.RUN_AS_CUSTOMER_EMAIL,
                                        "Polisen",
                                        "RB 27:1",
                                        LocalDate.now().plusDays(2),
                                        "Namn")))
                        .getProblems()
                        .get("disclosedOn"));
    }

    @Test
    void aComplaintIsAnsweredAndTheCustomerIsTold() throws Exception {
        long told = fixtures.mailsTo(TestAccounts.RUN_AS_CUSTOMER_EMAIL, "svar på ditt klagomål");
        Complaint filed = asCustomer.call(() -> complaints.file(ComplaintCategory.MARKETING, "Too many letters"));
        assertTrue(asOfficer.call(() -> complaints.all()).stream()
                .anyMatch(c -> c.getId().equals(filed.getId())));
        asOfficer.call(() -> {
            complaints.answer(filed.getId(), filed.getVersion(), "We stopped the letters.");
            return null;
        });
        Complaint answered = asCustomer.call(() -> complaints.mine()).stream()
                .filter(c -> c.getId().equals(filed.getId()))
                .findFirst()
                .orElseThrow();
        assertEquals("We stopped the letters.", answered.getAnswer());
        assertEquals(told + 1, fixtures.mailsTo(TestAccounts.RUN_AS_CUSTOMER_EMAIL, "svar på ditt klagomål"));
        assertEquals(
                Refusal.class,
                assertThrows(
                                Refusal.class,
                                () -> asOfficer.call(() -> {
                                    complaints.answer(filed.getId(), filed.getVersion(), "A second, stale answer");
                                    return null;
                                }))
                        .getClass());
    }

    /** A table that can hold personal data is erased by its feature's step, or the feature says why it is kept. */
    @Test
    void everyTableThatCanHoldPersonalDataHasAnErasureStepOrAReasonToKeepIt() {
        assertComplete(
                fixtures.erasureCoverage(),
                List.of("customer", "credential", "outbox_message", "consent_event"),
                "erasure steps (erased or kept)");
    }

    /** Each feature writes its own part of the register extract; no table of a customer's data is forgotten. */
    @Test
    void everyTableWithACustomersRowsIsInTheExtractOrLeftOutForAReason() {
        assertComplete(
                fixtures.extractCoverage(),
                List.of("customer", "consent_event", "complaint", "login_record"),
                "extract sections (read or left out)");
    }

    private static void assertComplete(RightsFixtures.TableCoverage coverage, List<String> someCandidates, String by) {
        assertTrue(coverage.candidates().containsAll(someCandidates), String.valueOf(coverage.candidates()));
        assertEquals(Set.of(), coverage.unnamed(), "tables not named by the " + by);
        assertEquals(Set.of(), coverage.unknown(), "tables the " + by + " name that the schema does not have");
        assertEquals(Set.of(), coverage.both(), "tables named twice by the " + by);
    }

    /**
     * Policy §5.5: SOMG does not ask for or keep sensitive data (health, religion, ethnic origin, political views,
     * union membership, sex life, biometric or genetic data, offences). No table has a column for any of it, so no
     * form can have a field for it either.
     */
    @Test
    void noTableHasAColumnForSensitiveData() {
        List<String> columns = fixtures.columns();
        assertTrue(
                columns.containsAll(
                        List.of("customer.occupation", "customer.personal_identity_number", "interest.tag")),
                "the schema was read: " + columns);
        Set<String> sensitive = Set.of(
                "health",
                "medical",
                "diagnosis",
                "disability",
                "religion",
                "religious",
                "belief",
                "beliefs",
                "faith",
                "ethnic",
                "ethnicity",
                "race",
                "racial",
                "political",
                "politics",
                "union",
                "sexual",
                "sex",
                "orientation",
                "biometric",
                "fingerprint",
                "genetic",
                "dna",
                "criminal",
                "conviction",
                "offence",
                "halsa",
                "etnicitet",
                "facklig");
        List<String> found = columns.stream()
                .filter(column -> java.util.Arrays.stream(column.split("[._]")).anyMatch(sensitive::contains))
                .toList();
        assertEquals(List.of(), found);
    }

    /**
     * Policy §5.5: a text column is where sensitive data could be written down. Every text column of the schema is
     * listed here with the kind of text it holds, decided by a person; a new one fails this test until someone
     * decides, and free text a person writes exists only in requests, complaints and disclosures.
     */
    @Test
    void everyTextColumnHoldsOnlyTheTextItWasAllowed() {
        Map<String, String> textColumns = new TreeMap<>();
        allow(
                textColumns,
                CODE,
                "account_token.purpose",
                "audit_event.action",
                "audit_event.actor",
                "audit_event.detail",
                "campaign_image.content_type",
                "campaign_image.platform",
                "complaint.answered_by",
                "complaint.category",
                "consent_event.method",
                "consent_event.staff_actor",
                "consent_purpose.code",
                "contact_preference.channel",
                "contact_preference.kind",
                "credential.kind",
                "customer.collected_through",
                "customer.country",
                "customer.platform",
                "customer.preferred_language",
                "datum_source.circumstance",
                "datum_source.field",
                "datum_source.platform",
                "extract_record.format",
                "interest.circumstance",
                "interest.platform",
                "lawful_disclosure.recorded_by",
                "login_record.browser",
                "login_record.method",
                "login_record.operating_system",
                "notice.audience",
                "notice.audience_platform",
                "notice.created_by",
                "notice.kind",
                "outbox_message.last_error",
                "outbox_message.status",
                "outbox_message.template",
                "platform.code",
                "platform.events",
                "platform_credential.platform_code",
                "platform_credential.token_prefix",
                "platform_event.about",
                "platform_event.id",
                "platform_event.last_error",
                "platform_event.platform_code",
                "platform_event.type",
                "platform_event.waived_by",
                "platform_intake.platform_code",
                "platform_person.platform_code",
                "policy_version.published_by",
                "rectification.changed_by",
                "rectification.field",
                "retention_failure.reason",
                "retention_run.started_by",
                "retention_run.status",
                "staff_role.role",
                "subject_request.handled_by",
                "subject_request.kind",
                "subject_request.status");
        allow(
                textColumns,
                SECRET,
                "account_token.token_hash",
                "authenticator_app.secret",
                "credential.passkey_user_handle",
                "credential.password_hash",
                "extract_record.sha256",
                "passkey.key_id",
                "platform.webhook_secret",
                "platform_credential.token_hash",
                "platform_intake.idempotency_key",
                "platform_intake.request_sha256",
                "recovery_code.code_hash",
                "signed_in_session.session_hash",
                "trusted_device.token_hash");
        allow(
                textColumns,
                CHECKED,
                "account_token.new_email",
                "campaign_image.campaign",
                "credential.email",
                "customer.city",
                "customer.family_name",
                "customer.given_name",
                "customer.occupation",
                "customer.personal_identity_number",
                "customer.phone",
                "customer.postcode",
                "customer.street",
                "interest.tag",
                "outbox_message.recipient",
                "passkey.name",
                "platform.domain",
                "platform.name",
                "platform.webhook_url",
                "platform_event.body",
                "platform_intake.reference",
                "platform_person.reference",
                "staff_member.display_name");
        allow(
                textColumns,
                PORTAL_TEXT,
                "consent_purpose.data_used_en",
                "consent_purpose.data_used_sv",
                "consent_purpose.description_en",
                "consent_purpose.description_sv",
                "consent_purpose.legal_basis_en",
                "consent_purpose.legal_basis_sv",
                "consent_purpose.name_en",
                "consent_purpose.name_sv",
                "notice.acquirer_name",
                "notice.acquirer_policy_url",
                "notice.body_en",
                "notice.body_sv",
                "notice.title_en",
                "notice.title_sv",
                "outbox_message.body",
                "outbox_message.subject",
                "policy_version.summary_en",
                "policy_version.summary_sv",
                "policy_version.text_en",
                "policy_version.text_sv");
        allow(
                textColumns,
                FREE_TEXT,
                "complaint.answer",
                "complaint.text",
                "lawful_disclosure.categories",
                "lawful_disclosure.legal_ground",
                "lawful_disclosure.recipient",
                "platform_event.waived_reason",
                "subject_request.extension_reason",
                "subject_request.message",
                "subject_request.resolution");
        List<String> schema = fixtures.textColumns();
        assertTrue(schema.contains("customer.given_name"), "the schema was read: " + schema);
        assertEquals(new TreeSet<>(textColumns.keySet()), new TreeSet<>(schema), "text columns and their decisions");
        assertEquals(
                // platform_event: why a platform cannot confirm a request, the privacy officer's words on the request
                Set.of("complaint", "lawful_disclosure", "subject_request", "platform_event"),
                textColumns.entrySet().stream()
                        .filter(column -> column.getValue().equals(FREE_TEXT))
                        .map(column ->
                                column.getKey().substring(0, column.getKey().indexOf('.')))
                        .collect(Collectors.toSet()),
                "the only tables with free text");
    }

    private static final String CODE =
            "a code or enum the portal itself writes (kind, status, method, platform, circumstance, field, channel, format, language, role, purpose code, actor or staff id)";
    private static final String SECRET = "a hash or key material, never text anyone reads";
    private static final String CHECKED =
            "a person's datum, checked by the profile's rules (letters, digits, formats; no markup or control characters)";
    private static final String PORTAL_TEXT =
            "the portal's own texts, written by staff (purposes, notices, policy versions, mail), never about one customer's health, beliefs or the like";
    private static final String FREE_TEXT =
            "free text a person writes about a request (also why a platform cannot confirm it), complaint or disclosure (policy 5.5: the only places), checked by FreeText and read by the privacy officer";

    private static void allow(Map<String, String> decisions, String kind, String... columns) {
        for (String column : columns) {
            decisions.put(column, kind);
        }
    }

    /**
     * The erasure promise: after it, no text column of any table holds the customer's name, e-mail address,
     * personal identity number, phone number or street, and the account cannot log in.
     */
    /** Erasure confirmations that were sent and then lost their address. */
    private static final String ERASED_CONFIRMATIONS =
            "SELECT COUNT(m) FROM OutboxMessage m WHERE m.eraseAfterSending = TRUE"
                    + " AND m.status = se.somg.portal.mail.OutboxMessage.Status.SENT AND m.recipient = 'erased@erased.invalid'";

    @Test
    void erasureLeavesNothingOfTheCustomerInAnyTable() throws Exception {
        RightsFixtures.Subject subject = fixtures.customerWithDataEverywhere(tag());
        assertEquals(
                subject.values().size(),
                subject.values().stream()
                        .filter(value ->
                                !fixtures.textColumnsHolding(List.of(value)).isEmpty())
                        .count(),
                "the fixture really put every value somewhere");
        assertTrue(fixtures.tables()
                .containsAll(List.of(
                        "customer",
                        "credential",
                        "outbox_message",
                        "complaint",
                        "subject_request",
                        "audit_event",
                        "account_token",
                        "interest",
                        "campaign_image",
                        "datum_source")));

        long wipedBefore = db.count(ERASED_CONFIRMATIONS);
        asOfficer.call(() -> {
            requests.complete(subject.requestId(), subject.requestVersion(), null);
            return null;
        });

        Customer erased = fixtures.customer(subject.customerId());
        assertTrue(erased.isAnonymised());
        assertNull(erased.getPersonalIdentityNumber());
        assertEquals(
                se.somg.portal.account.LoginOutcome.Kind.REFUSED,
                logins.attempt(subject.email(), "Erase-Test-2020".toCharArray(), null, null)
                        .getKind());
        // the confirmation is mailed first; once delivered, its address goes too
        Awaitility.await("no column holds the erased customer's data")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> fixtures.textColumnsHolding(subject.values()), List::isEmpty);
        assertEquals(
                wipedBefore + 1,
                db.count(ERASED_CONFIRMATIONS),
                "the confirmation was sent before its address was wiped");
        assertEquals(
                1,
                db.count("SELECT COUNT(c) FROM ConsentEvent c WHERE c.customerId = ?1", subject.customerId()),
                "proof without identity stays");
    }

    @Test
    void restrictionMarksTheAccountAndStopsMarketing() throws Exception {
        RightsFixtures.Subject subject = fixtures.customerWithDataEverywhere(tag());
        long id = subject.customerId();
        fixtures.grantMarketing(id);
        assertTrue(fixtures.marketingAllowed(id));
        SubjectRequest restriction = fixtures.fileRequest(id, RequestKind.RESTRICTION);
        SubjectRequest objection = fixtures.fileRequest(id, RequestKind.OBJECTION);

        asOfficer.call(() -> {
            requests.complete(restriction.getId(), restriction.getVersion(), "Restricted while you dispute the data");
            return null;
        });

        assertTrue(fixtures.customer(id).isRestricted());
        assertFalse(fixtures.marketingAllowed(id), "a restricted account gets no marketing");
        asOfficer.call(() -> {
            requests.complete(objection.getId(), objection.getVersion(), null);
            return null;
        });
        assertEquals(
                0,
                db.count(
                        "SELECT COUNT(c) FROM Consent c WHERE c.customerId = ?1 AND c.given = TRUE "
                                + "AND c.purpose.gatesMarketing = TRUE",
                        id),
                "an objection withdraws every marketing consent");
    }

    @Test
    void retentionDryRunChangesNothingAndRunsInBatchesOnceAcrossNodes() throws Exception {
        String tag = "r" + tag();
        fixtures.createFixtureSequence();
        fixtures.formerCustomers(tag, 2500, 3);
        fixtures.formerCustomers(tag + "recent", 5, 1);
        long oldMail = fixtures.oldSentMail();
        long due = asOfficer.call(() -> retention.candidates());
        assertTrue(due >= 2500);

        RetentionRun dry = asOfficer.call(() -> retention.dryRun());
        assertTrue(dry.isDryRun());
        assertEquals(due, dry.getCandidates());
        assertEquals(2500, fixtures.formerCustomersLeft(tag), "a dry run changes nothing");

        // two nodes at once: one real run at a time; the second start is refused while the first is alive
        OffsetDateTime cutoff = OffsetDateTime.now().minusMonths(24);
        long first = batches.start(false, cutoff, "node-1");
        assertEquals(
                "retention.run.alreadyRunning",
                assertThrows(Refusal.class, () -> batches.start(false, cutoff, "node-2"))
                        .getMessageKey());
        retention.work(first, cutoff);
        waitFinished(first);

        List<RetentionRun> runs = asOfficer.call(() -> retention.runs());
        RetentionRun a =
                runs.stream().filter(r -> r.getId() == first).findFirst().orElseThrow();
        assertEquals(due, a.getAnonymised(), "each account exactly once");
        assertTrue(a.getBatches() >= 3, "in batches of " + RetentionBatch.SIZE);
        assertEquals(0, fixtures.formerCustomersLeft(tag));
        assertEquals(5, fixtures.formerCustomersLeft(tag + "recent"), "contracts inside the period are kept");
        assertEquals(0, asOfficer.call(() -> retention.candidates()), "a second run finds nothing: idempotent");
        assertEquals(List.of(), fixtures.textColumnsHolding(List.of("former." + tag + ".1@")));
        assertFalse(fixtures.mailExists(oldMail), "housekeeping removed a sent mail older than 90 days");
        assertThrows(EJBAccessException.class, () -> asCustomer.call(() -> retention.dryRun()));
    }

    private void waitFinished(long runId) {
        RetentionRun.Status status = Awaitility.await("run " + runId + " finishes")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> asOfficer.call(() -> retention.runs()).stream()
                                .filter(r -> r.getId() == runId)
                                .findFirst()
                                .orElseThrow()
                                .getStatus(),
                        s -> s != RetentionRun.Status.RUNNING);
        assertEquals(RetentionRun.Status.FINISHED, status);
    }
}

package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.somg.portal.consent.ConsentEvent;
import se.somg.portal.consent.ConsentMethod;
import se.somg.portal.consent.ConsentPurpose;
import se.somg.portal.consent.ConsentRow;
import se.somg.portal.consent.ConsentService;
import se.somg.portal.policy.PolicyDifference;
import se.somg.portal.policy.PolicyDraft;
import se.somg.portal.policy.PolicyService;
import se.somg.portal.policy.PolicyVersion;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.RunAsCommunications;
import se.somg.portal.testing.RunAsCustomer;
import se.somg.portal.testing.TestSupport;

/**
 * Policy versions and re-consent at a version boundary, in Payara Micro. The re-consent tests use a purpose no
 * demo user holds (surveys and feedback), so other test classes meet no question.
 */
@ExtendWith(ArquillianExtension.class)
class PolicyServiceIT {

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses(PolicyServiceIT.class, TestSupport.class);
    }

    @EJB
    private PolicyService policies;

    @EJB
    private ConsentService consents;

    @EJB
    private RunAsCustomer asCustomer;

    @EJB
    private RunAsCommunications asCommunications;

    @EJB
    private TestSupport db;

    private static PolicyDraft draft(
            PolicyVersion from, String changedLine, List<String> reconsent, LocalDateTime effective) {
        PolicyDraft draft = new PolicyDraft();
        draft.setTextSv(from.text("sv") + "\n\n" + changedLine);
        draft.setTextEn(from.text("en") + "\n\n" + changedLine);
        draft.setSummarySv("Test: " + changedLine);
        draft.setSummaryEn("Test: " + changedLine);
        draft.setReconsentPurposes(reconsent);
        draft.setEffectiveFrom(effective);
        return draft;
    }

    /**
     * Version 1 is the seed policy in full, word for word, in both languages (the files the build ships), and the
     * English text is a translation of the same document: the same numbered sections in the same order.
     */
    @Test
    void versionOneIsTheSeedPolicy() throws IOException {
        PolicyVersion first = policies.published(1);
        assertEquals(seed("sv"), first.text("sv").strip());
        assertEquals(seed("en"), first.text("en").strip());
        assertTrue(first.text("sv").startsWith("Integritetspolicy"));
        assertTrue(first.text("sv").contains("559147-7459") && first.text("sv").contains("personuppgiftsansvarig"));
        assertTrue(first.text("en").contains("559147-7459"));
        assertEquals(sections(first.text("sv")), sections(first.text("en")));
        assertEquals(21, sections(first.text("sv")).size(), "sections 1 to 13 with 5.1 to 5.7");
    }

    private static String seed(String language) throws IOException {
        try (InputStream in = PolicyVersion.class.getResourceAsStream(
                "/se/somg/portal/policy/privacy-policy-v1." + language + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static List<String> sections(String text) {
        return Pattern.compile("(?m)^(\\d+(?:\\.\\d+)*)\\.? ")
                .matcher(text)
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    @Test
    void onlyCommunicationsPublishesAndPublishingIsAudited() throws Exception {
        PolicyVersion current = policies.current();
        assertThrows(
                jakarta.ejb.EJBAccessException.class,
                () -> asCustomer.call(() -> policies.publish(draft(current, "x", List.of(), null))));

        long audited = db.count("SELECT COUNT(a) FROM AuditEvent a WHERE a.action = 'POLICY_PUBLISHED'");
        long noticesAudited = db.count("SELECT COUNT(a) FROM AuditEvent a WHERE a.action = 'NOTICE_PUBLISHED'");
        PolicyVersion published = asCommunications.call(
                () -> policies.publish(draft(current, "Ny rad " + System.nanoTime(), List.of(), null)));

        assertEquals(current.getNumber() + 1, published.getNumber());
        assertEquals(published.getNumber(), policies.current().getNumber());
        assertEquals(audited + 1, db.count("SELECT COUNT(a) FROM AuditEvent a WHERE a.action = 'POLICY_PUBLISHED'"));
        // its notice is published the one way every notice is: checked, and audited as a notice
        assertEquals(1, db.count("SELECT COUNT(n) FROM Notice n WHERE n.policyVersion = ?1", published.getNumber()));
        assertEquals(
                noticesAudited + 1, db.count("SELECT COUNT(a) FROM AuditEvent a WHERE a.action = 'NOTICE_PUBLISHED'"));
        List<PolicyDifference> differences = policies.difference(current.getNumber(), published.getNumber(), "sv");
        assertTrue(
                differences.stream()
                        .anyMatch(d -> d.getKind() == PolicyDifference.Kind.ADDED
                                && d.getAfter() != null
                                && d.getAfter().startsWith("Ny rad")),
                String.valueOf(differences.size()));
    }

    @Test
    void aDraftWithoutTextsOrInThePastIsRefused() {
        PolicyDraft empty = new PolicyDraft();
        empty.setEffectiveFrom(LocalDateTime.now(ZoneId.of("Europe/Stockholm")).minusDays(1));
        InvalidInput invalid =
                assertThrows(InvalidInput.class, () -> asCommunications.call(() -> policies.publish(empty)));
        assertEquals(
                Map.of(
                        "textSv",
                        "profile.required",
                        "textEn",
                        "profile.required",
                        "summarySv",
                        "profile.required",
                        "summaryEn",
                        "profile.required",
                        "effectiveFrom",
                        "policy.effective.past"),
                invalid.getProblems());
    }

    @Test
    void aVersionAskingAgainMakesTheConsentCountAsNotGivenUntilAnswered() throws Exception {
        asCustomer.call(() -> consents.grant("SURVEYS_FEEDBACK"));
        assertEquals(List.of(), names(asCustomer.call(() -> policies.pendingReconsent())));

        // scheduled for later: nothing changes yet
        PolicyVersion base = policies.current();
        LocalDateTime later = LocalDateTime.now(ZoneId.of("Europe/Stockholm")).plusDays(30);
        asCommunications.call(
                () -> policies.publish(draft(base, "Senare ändring", List.of("SURVEYS_FEEDBACK"), later)));
        assertEquals(List.of(), names(asCustomer.call(() -> policies.pendingReconsent())));
        assertEquals(base.getNumber(), policies.current().getNumber(), "a scheduled version is not in force");

        // in force now: the consent waits for an answer and counts as not given
        asCommunications.call(() -> policies.publish(draft(base, "Ändring nu", List.of("SURVEYS_FEEDBACK"), null)));
        assertEquals(List.of("SURVEYS_FEEDBACK"), names(asCustomer.call(() -> policies.pendingReconsent())));
        ConsentRow row = asCustomer.call(() -> consents.overview()).stream()
                .filter(r -> r.getPurpose().getCode().equals("SURVEYS_FEEDBACK"))
                .findFirst()
                .orElseThrow();
        assertTrue(row.isAwaitingAnswer());
        assertFalse(row.isGiven());

        InvalidInput unanswered = assertThrows(
                InvalidInput.class,
                () -> asCustomer.call(() -> {
                    policies.answerReconsent(Map.of());
                    return null;
                }));
        assertEquals(Map.of("SURVEYS_FEEDBACK", "reconsent.answer.required"), unanswered.getProblems());

        asCustomer.call(() -> {
            policies.answerReconsent(Map.of("SURVEYS_FEEDBACK", true));
            return null;
        });
        assertEquals(List.of(), names(asCustomer.call(() -> policies.pendingReconsent())));
        List<ConsentEvent> history = asCustomer.call(() -> consents.history());
        ConsentEvent answer = history.get(0);
        assertEquals(ConsentMethod.RECONSENT, answer.getMethod());
        assertTrue(answer.isGiven());
        assertEquals(
                policies.current().getNumber(), answer.getPolicyVersion(), "the answer names the version in force");
        asCustomer.call(() -> consents.withdraw("SURVEYS_FEEDBACK"));
    }

    private static List<String> names(List<ConsentPurpose> purposes) {
        return purposes.stream().map(ConsentPurpose::getCode).toList();
    }
}

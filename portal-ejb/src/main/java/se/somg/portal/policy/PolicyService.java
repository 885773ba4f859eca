package se.somg.portal.policy;

import static se.somg.portal.kernel.Role.Names.COMMUNICATIONS;
import static se.somg.portal.kernel.Role.Names.CUSTOMER;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.somg.portal.FreeText;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.Sweden;
import se.somg.portal.account.CurrentCustomer;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.consent.ConsentLedger;
import se.somg.portal.consent.ConsentMethod;
import se.somg.portal.consent.ConsentPurpose;
import se.somg.portal.kernel.Caller;

/**
 * Policy versions (§12): everyone reads the published ones and the differences between them; COMMUNICATIONS
 * publishes new ones (audited); a version that changes consent-based processing asks the customers who had
 * given those consents again, and until they answer the consents count as not given.
 */
@Stateless
public class PolicyService {

    @Inject
    private Clock clock;

    public static final int MAX_TEXT = 200_000;
    public static final int MAX_SUMMARY = 1000;
    static final ZoneId SWEDEN = Sweden.ZONE;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ConsentLedger ledger;

    @Inject
    private CurrentCustomer current;

    @Inject
    private Caller caller;

    @Inject
    private AuditTrail audit;

    @Inject
    private Event<PolicyVersionPublished> published;

    /** The version in force now. */
    @PermitAll
    public PolicyVersion current() {
        return em.createQuery(
                        "SELECT v FROM PolicyVersion v WHERE v.effectiveFrom <= :now ORDER BY v.number DESC",
                        PolicyVersion.class)
                .setParameter("now", OffsetDateTime.now(clock))
                .setMaxResults(1)
                .getSingleResult();
    }

    /** Every version in force now or before, newest first. */
    @PermitAll
    public List<PolicyVersion> published() {
        return em.createQuery(
                        "SELECT v FROM PolicyVersion v WHERE v.effectiveFrom <= :now ORDER BY v.number DESC",
                        PolicyVersion.class)
                .setParameter("now", OffsetDateTime.now(clock))
                .getResultList();
    }

    /** Every version, including those scheduled for later. */
    @RolesAllowed(COMMUNICATIONS)
    public List<PolicyVersion> all() {
        return em.createQuery("SELECT v FROM PolicyVersion v ORDER BY v.number DESC", PolicyVersion.class)
                .getResultList();
    }

    /** A published version by number; a scheduled or unknown one is not found. */
    @PermitAll
    public PolicyVersion published(int number) {
        PolicyVersion version = em.find(PolicyVersion.class, number);
        if (version == null || !version.isEffectiveAt(OffsetDateTime.now(clock))) {
            throw new Refusal("policy.notFound");
        }
        return version;
    }

    /** The lines that differ between two published versions, in one language. */
    @PermitAll
    public List<PolicyDifference> difference(int from, int to, String language) {
        List<String> before = List.of(published(from).text(language).split("\\R"));
        List<String> after = List.of(published(to).text(language).split("\\R"));
        // Plain lines: the page escapes them itself (the library would HTML-escape them by default).
        return DiffRowGenerator.create().lineNormalizer(line -> line).build().generateDiffRows(before, after).stream()
                .filter(row -> row.getTag() != DiffRow.Tag.EQUAL)
                .map(row -> new PolicyDifference(
                        switch (row.getTag()) {
                            case INSERT -> PolicyDifference.Kind.ADDED;
                            case DELETE -> PolicyDifference.Kind.REMOVED;
                            default -> PolicyDifference.Kind.CHANGED;
                        },
                        row.getOldLine(),
                        row.getNewLine()))
                .toList();
    }

    @RolesAllowed(COMMUNICATIONS)
    public PolicyVersion publish(PolicyDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        requireText(draft.getTextSv(), MAX_TEXT, "textSv", problems);
        requireText(draft.getTextEn(), MAX_TEXT, "textEn", problems);
        requireText(draft.getSummarySv(), MAX_SUMMARY, "summarySv", problems);
        requireText(draft.getSummaryEn(), MAX_SUMMARY, "summaryEn", problems);
        // the summaries become the body of the policy notice, so they obey the notices' rule for free text too
        FreeText.problem(draft.getSummarySv(), MAX_SUMMARY, true).ifPresent(p -> problems.putIfAbsent("summarySv", p));
        FreeText.problem(draft.getSummaryEn(), MAX_SUMMARY, true).ifPresent(p -> problems.putIfAbsent("summaryEn", p));
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime effective = draft.getEffectiveFrom() == null
                ? now
                : draft.getEffectiveFrom().atZone(SWEDEN).toOffsetDateTime();
        if (effective.isBefore(now.minusMinutes(1))) {
            problems.put("effectiveFrom", "policy.effective.past");
        }
        Set<ConsentPurpose> purposes = new LinkedHashSet<>();
        for (String code : draft.getReconsentPurposes()) {
            ledger.purpose(code)
                    .ifPresentOrElse(purposes::add, () -> problems.put("reconsentPurposes", "consent.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Integer last = em.createQuery("SELECT MAX(v.number) FROM PolicyVersion v", Integer.class)
                .getSingleResult();
        PolicyVersion version = new PolicyVersion(
                last == null ? 1 : last + 1,
                effective,
                draft.getTextSv().strip(),
                draft.getTextEn().strip(),
                draft.getSummarySv().strip(),
                draft.getSummaryEn().strip(),
                purposes,
                now,
                caller.actor());
        em.persist(version);
        em.flush();
        // policy §12: every customer is told (the notice feature observes this, in this transaction)
        published.fire(new PolicyVersionPublished(version));
        audit.record(
                AuditAction.POLICY_PUBLISHED,
                null,
                "version " + version.getNumber() + ", effective " + effective + ", re-consent "
                        + purposes.stream().map(ConsentPurpose::getCode).toList());
        return version;
    }

    /** The caller's consents that a newer policy version asks again for, and the versions that asked. */
    @RolesAllowed(CUSTOMER)
    public List<ConsentPurpose> pendingReconsent() {
        return ledger.awaitingReconsent(current.get().getId());
    }

    /** When the next version that asks for consent again takes effect; null when none is scheduled. */
    @PermitAll
    public OffsetDateTime nextReconsentTakingEffect() {
        return em.createQuery("""
                        SELECT MIN(v.effectiveFrom) FROM PolicyVersion v
                        WHERE v.effectiveFrom > :now AND v.reconsentPurposes IS NOT EMPTY""", OffsetDateTime.class)
                .setParameter("now", OffsetDateTime.now(clock))
                .getSingleResult();
    }

    /** The change summaries of the versions in force that ask for consent again. */
    @RolesAllowed(CUSTOMER)
    public List<PolicyVersion> reconsentVersions() {
        return em.createQuery("""
                        SELECT DISTINCT v FROM PolicyVersion v WHERE v.effectiveFrom <= :now AND v.reconsentPurposes IS NOT EMPTY
                        ORDER BY v.number DESC""", PolicyVersion.class)
                .setParameter("now", OffsetDateTime.now(clock))
                .getResultList();
    }

    /** Agree again (true) or not (false) for each purpose asked; either answer is recorded as an event. */
    @RolesAllowed(CUSTOMER)
    public void answerReconsent(Map<String, Boolean> answers) {
        Long customerId = current.get().getId();
        List<ConsentPurpose> pending = ledger.awaitingReconsent(customerId);
        Map<String, String> problems = new LinkedHashMap<>();
        pending.stream()
                .filter(p -> !answers.containsKey(p.getCode()))
                .forEach(p -> problems.put(p.getCode(), "reconsent.answer.required"));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (ConsentPurpose purpose : pending) {
            ledger.change(
                    customerId, purpose.getCode(), answers.get(purpose.getCode()), ConsentMethod.RECONSENT, null, now);
        }
    }

    private static void requireText(String value, int max, String field, Map<String, String> problems) {
        if (value == null || value.isBlank()) {
            problems.put(field, "profile.required");
        } else if (value.length() > max) {
            problems.put(field, "profile.tooLong");
        }
    }
}

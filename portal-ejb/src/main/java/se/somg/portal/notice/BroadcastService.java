package se.somg.portal.notice;

import static se.somg.portal.kernel.Role.Names.COMMUNICATIONS;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import se.somg.portal.FreeText;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.consent.ConsentLedger;
import se.somg.portal.consent.ConsentPurpose;
import se.somg.portal.database.AdvisoryLock;
import se.somg.portal.kernel.Caller;
import se.somg.portal.policy.PolicyVersion;
import se.somg.portal.preference.Channel;

/**
 * Communications staff publish notices (policy §4, §8, §12): checked whole, previewed, then one row whatever
 * the audience, so publishing to a million customers is one insert. Mail fans out afterwards ({@link NoticeMailer}).
 */
@Stateless
@RolesAllowed(COMMUNICATIONS)
public class BroadcastService {

    @Inject
    private Clock clock;

    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"]{3,490}");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private AuditTrail audit;

    @Inject
    private ConsentLedger consents;

    /** Checks the draft and shows the notice as customers will see it, with the audience it reaches now. */
    public Notice preview(NoticeDraft draft) {
        return checked(draft);
    }

    /** How many customers' inboxes list the notice (once published). */
    public long audienceSize(Notice notice) {
        return ((Number) em.createNativeQuery(
                                "SELECT COUNT(*) FROM customer c WHERE " + Audience.of(notice, Channel.PORTAL))
                        .getSingleResult())
                .longValue();
    }

    public Notice publish(NoticeDraft draft) {
        Notice notice = checked(draft);
        // the same notice sent twice (a double click on two nodes, a retried call) is published once
        AdvisoryLock.hold(em, "notice-publish", java.time.Duration.ofSeconds(10));
        List<Notice> same = em.createQuery(
                        "SELECT n FROM Notice n WHERE n.kind = :kind AND n.titleSv = :titleSv AND n.titleEn = :titleEn"
                                + " AND n.createdAt > :since ORDER BY n.id DESC",
                        Notice.class)
                .setParameter("kind", notice.getKind())
                .setParameter("titleSv", notice.getTitleSv())
                .setParameter("titleEn", notice.getTitleEn())
                .setParameter("since", OffsetDateTime.now(clock).minusMinutes(10))
                .getResultList();
        for (Notice earlier : same) {
            if (earlier.isSameAs(notice)) {
                return earlier;
            }
        }
        em.persist(notice);
        em.flush();
        audit.record(
                AuditAction.NOTICE_PUBLISHED,
                null,
                notice.getKind() + " #" + notice.getId() + " " + notice.getAudience());
        return notice;
    }

    public List<Notice> notices() {
        return em.createQuery("SELECT n FROM Notice n ORDER BY n.publishAt DESC, n.id DESC", Notice.class)
                .setMaxResults(200)
                .getResultList();
    }

    public Notice notice(long id) {
        Notice notice = em.find(Notice.class, id);
        if (notice == null) {
            throw new Refusal("notices.notFound");
        }
        return notice;
    }

    public List<PolicyVersion> policyVersions() {
        return em.createQuery("SELECT v FROM PolicyVersion v ORDER BY v.number DESC", PolicyVersion.class)
                .getResultList();
    }

    public List<ConsentPurpose> purposes() {
        return consents.purposes();
    }

    /** The figures; the audience size is counted once by the caller, as it is the costly part. */
    public NoticeFigures figures(long noticeId, long audience) {
        Notice notice = notice(noticeId);
        Map<String, Long> mails = new LinkedHashMap<>();
        for (Object[] row :
                rows("SELECT status, COUNT(*) FROM outbox_message WHERE notice_id = ?1 GROUP BY status", noticeId)) {
            mails.put((String) row[0], ((Number) row[1]).longValue());
        }
        long queued = mails.values().stream().mapToLong(Long::longValue).sum();
        Object[] receipts = (Object[])
                em.createNativeQuery("SELECT COUNT(*), COUNT(acknowledged_at) FROM notice_receipt WHERE notice_id = ?1")
                        .setParameter(1, noticeId)
                        .getSingleResult();
        return new NoticeFigures(
                audience,
                queued,
                mails.getOrDefault("SENT", 0L),
                mails.getOrDefault("FAILED", 0L),
                ((Number) receipts[0]).longValue(),
                ((Number) receipts[1]).longValue(),
                notice.getMailingDoneAt() != null,
                timeline(noticeId));
    }

    /** Cumulative sent, read and acknowledged per minute, from the first event on. */
    private List<NoticeFigures.Point> timeline(long noticeId) {
        TreeMap<OffsetDateTime, long[]> perMinute = new TreeMap<>();
        count(
                perMinute,
                0,
                "SELECT date_trunc('minute', sent_at), COUNT(*) FROM outbox_message WHERE notice_id = ?1 AND sent_at IS NOT NULL GROUP BY 1",
                noticeId);
        count(
                perMinute,
                1,
                "SELECT date_trunc('minute', read_at), COUNT(*) FROM notice_receipt WHERE notice_id = ?1 GROUP BY 1",
                noticeId);
        count(
                perMinute,
                2,
                "SELECT date_trunc('minute', acknowledged_at), COUNT(*) FROM notice_receipt WHERE notice_id = ?1 AND acknowledged_at IS NOT NULL GROUP BY 1",
                noticeId);
        List<NoticeFigures.Point> points = new ArrayList<>();
        long sent = 0;
        long read = 0;
        long acknowledged = 0;
        for (Map.Entry<OffsetDateTime, long[]> minute : perMinute.entrySet()) {
            sent += minute.getValue()[0];
            read += minute.getValue()[1];
            acknowledged += minute.getValue()[2];
            points.add(new NoticeFigures.Point(minute.getKey(), sent, read, acknowledged));
        }
        return points.size() > 500 ? new ArrayList<>(points.subList(points.size() - 500, points.size())) : points;
    }

    private void count(TreeMap<OffsetDateTime, long[]> perMinute, int series, String sql, long noticeId) {
        for (Object[] row : rows(sql, noticeId)) {
            OffsetDateTime minute = ((Timestamp) row[0]).toInstant().atOffset(ZoneOffset.UTC);
            perMinute.computeIfAbsent(minute, m -> new long[3])[series] += ((Number) row[1]).longValue();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long noticeId) {
        return em.createNativeQuery(sql).setParameter(1, noticeId).getResultList();
    }

    private Notice checked(NoticeDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (draft.getKind() == null) {
            problems.put("kind", "notices.kind.required");
        }
        FreeText.problem(draft.getTitleSv(), Notice.TITLE_MAX, true).ifPresent(p -> problems.put("titleSv", p));
        FreeText.problem(draft.getTitleEn(), Notice.TITLE_MAX, true).ifPresent(p -> problems.put("titleEn", p));
        FreeText.problem(draft.getBodySv(), Notice.BODY_MAX, true).ifPresent(p -> problems.put("bodySv", p));
        FreeText.problem(draft.getBodyEn(), Notice.BODY_MAX, true).ifPresent(p -> problems.put("bodyEn", p));
        NoticeAudience audience = draft.getAudience() == null ? NoticeAudience.ALL : draft.getAudience();
        ConsentPurpose purpose = null;
        if (audience == NoticeAudience.PLATFORM && draft.getPlatform() == null) {
            problems.put("platform", "notices.platform.required");
        }
        if (audience == NoticeAudience.CONSENT) {
            purpose = draft.getPurposeCode() == null
                    ? null
                    : consents.purpose(draft.getPurposeCode()).orElse(null);
            if (purpose == null) {
                problems.put("purpose", "notices.purpose.required");
            }
        }
        if (draft.getKind() == NoticeKind.POLICY_CHANGE
                && (draft.getPolicyVersion() == null
                        || em.find(PolicyVersion.class, draft.getPolicyVersion()) == null)) {
            problems.put("policyVersion", "notices.policyVersion.required");
        }
        if (draft.getKind() == NoticeKind.MERGER) {
            FreeText.problem(draft.getAcquirerName(), 200, true).ifPresent(p -> problems.put("acquirerName", p));
            String url = FreeText.clean(draft.getAcquirerPolicyUrl());
            if (url == null || !WEB_ADDRESS.matcher(url).matches()) {
                problems.put("acquirerPolicyUrl", "notices.acquirerPolicyUrl.invalid");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime publishAt = draft.getPublishAt() == null ? now : draft.getPublishAt();
        if (publishAt.isBefore(now.minusMinutes(5))) {
            problems.put("publishAt", "notices.publishAt.past");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Notice notice = new Notice(
                draft.getKind(),
                FreeText.clean(draft.getTitleSv()),
                FreeText.clean(draft.getTitleEn()),
                FreeText.clean(draft.getBodySv()),
                FreeText.clean(draft.getBodyEn()),
                audience,
                publishAt,
                now,
                caller.actor());
        if (audience == NoticeAudience.PLATFORM) {
            notice.setAudiencePlatform(draft.getPlatform());
        }
        if (purpose != null) {
            notice.setAudiencePurposeId(purpose.getId());
        }
        if (draft.getKind() == NoticeKind.POLICY_CHANGE) {
            notice.setPolicyVersion(draft.getPolicyVersion());
        }
        if (draft.getKind() == NoticeKind.MERGER) {
            notice.setAcquirer(FreeText.clean(draft.getAcquirerName()), FreeText.clean(draft.getAcquirerPolicyUrl()));
        }
        return notice;
    }
}

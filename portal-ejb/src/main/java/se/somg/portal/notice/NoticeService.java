package se.somg.portal.notice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import se.somg.portal.Refusal;
import se.somg.portal.account.CurrentCustomer;
import se.somg.portal.account.Customer;
import se.somg.portal.consent.ConsentLedger;
import se.somg.portal.consent.ConsentPurpose;
import se.somg.portal.preference.Channel;
import se.somg.portal.preference.MessageKind;
import se.somg.portal.preference.Preferences;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static se.somg.portal.account.Role.Names.CUSTOMER;

/**
 * The customer's inbox (policy §4, §8, §12): the published notices whose audience includes them, newest first.
 * Nothing is stored per customer until they open or acknowledge a notice.
 */
@Stateless
@RolesAllowed(CUSTOMER)
public class NoticeService {

    public static final int INBOX_SIZE = 100;

    /** Matches the notices a customer with the given platform, consents and marketing permission is in. */
    private static final String MINE = """
            n.publishAt <= :now AND n.publishAt >= :joined
            AND (n.audience = se.somg.portal.notice.NoticeAudience.ALL
                 OR (n.audience = se.somg.portal.notice.NoticeAudience.PLATFORM AND n.audiencePlatform = :platform)
                 OR (n.audience = se.somg.portal.notice.NoticeAudience.CONSENT AND n.audiencePurposeId IN :purposes))
            AND (n.kind <> se.somg.portal.notice.NoticeKind.MARKETING OR :marketing = TRUE)""";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentCustomer current;

    @Inject
    private ConsentLedger consents;

    @Inject
    private Preferences preferences;

    public List<InboxEntry> inbox() {
        Customer customer = current.get();
        if (!reachable(customer)) {
            return List.of();
        }
        List<Notice> notices = mine(customer, "SELECT n FROM Notice n WHERE " + MINE + " ORDER BY n.publishAt DESC, n.id DESC", Notice.class)
                .setMaxResults(INBOX_SIZE).getResultList();
        if (notices.isEmpty()) {
            return List.of();
        }
        Map<Long, NoticeReceipt> receipts = em.createQuery(
                        "SELECT r FROM NoticeReceipt r WHERE r.customerId = :customer AND r.noticeId IN :ids", NoticeReceipt.class)
                .setParameter("customer", customer.getId())
                .setParameter("ids", notices.stream().map(Notice::getId).toList())
                .getResultList().stream().collect(Collectors.toMap(NoticeReceipt::getNoticeId, Function.identity()));
        return notices.stream().map(n -> new InboxEntry(n, receipts.get(n.getId()))).toList();
    }

    /** The badge in the header. */
    public long unreadCount() {
        Customer customer = current.get();
        if (!reachable(customer)) {
            return 0;
        }
        return mine(customer, "SELECT COUNT(n) FROM Notice n WHERE " + MINE + " " + """
                 AND NOT EXISTS (SELECT r FROM NoticeReceipt r WHERE r.noticeId = n.id AND r.customerId = :customer)""", Long.class)
                .setParameter("customer", customer.getId()).getSingleResult();
    }

    /** Opens a notice of the caller's: the first opening records when it was read. */
    public InboxEntry open(long noticeId) {
        Customer customer = current.get();
        Notice notice = own(customer, noticeId);
        return new InboxEntry(notice, receipt(noticeId, customer.getId()));
    }

    /** Merger and policy-change notices: the customer confirms they have read it; the time is kept. */
    public InboxEntry acknowledge(long noticeId) {
        Customer customer = current.get();
        Notice notice = own(customer, noticeId);
        if (!notice.isNeedsAcknowledgement()) {
            throw new Refusal("notices.noAcknowledgement");
        }
        NoticeReceipt receipt = receipt(noticeId, customer.getId());
        em.lock(receipt, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        receipt.acknowledge(OffsetDateTime.now());
        return new InboxEntry(notice, receipt);
    }

    /** The customer's receipt for a notice, written at the first opening (two tabs at once write one). */
    private NoticeReceipt receipt(long noticeId, long customerId) {
        NoticeReceipt.Key key = new NoticeReceipt.Key(noticeId, customerId);
        NoticeReceipt receipt = em.find(NoticeReceipt.class, key);
        if (receipt == null) {
            em.createNativeQuery("""
                            INSERT INTO notice_receipt (notice_id, customer_id, read_at) VALUES (?1, ?2, now())
                            ON CONFLICT DO NOTHING""")
                    .setParameter(1, noticeId).setParameter(2, customerId).executeUpdate();
            receipt = em.find(NoticeReceipt.class, key);
        }
        return receipt;
    }

    private Notice own(Customer customer, long noticeId) {
        if (!reachable(customer)) {
            throw new Refusal("notices.notFound");
        }
        List<Notice> found = mine(customer, "SELECT n FROM Notice n WHERE n.id = :id AND " + MINE, Notice.class)
                .setParameter("id", noticeId).getResultList();
        if (found.isEmpty()) {
            throw new Refusal("notices.notFound");
        }
        return found.get(0);
    }

    private static boolean reachable(Customer customer) {
        return !customer.isRestricted() && !customer.isAnonymised();
    }

    private <T> TypedQuery<T> mine(Customer customer, String jpql, Class<T> type) {
        List<Long> awaiting = consents.awaitingReconsent(customer.getId()).stream().map(ConsentPurpose::getId).toList();
        List<Long> purposes = em.createQuery(
                        "SELECT c.purpose.id FROM Consent c WHERE c.customerId = :customer AND c.given = TRUE", Long.class)
                .setParameter("customer", customer.getId()).getResultList().stream()
                .filter(id -> !awaiting.contains(id)).toList();
        boolean marketing = consents.marketingAllowed(customer.getId()) && preferences.of(customer.getId()).stream()
                .anyMatch(cell -> cell.getChannel() == Channel.PORTAL && cell.getKind() == MessageKind.MARKETING && cell.isEnabled());
        return em.createQuery(jpql, type)
                .setParameter("now", OffsetDateTime.now())
                // what was said before someone became a customer is not theirs to read or acknowledge
                .setParameter("joined", customer.getCreatedAt())
                .setParameter("platform", customer.getPlatform())
                .setParameter("purposes", purposes.isEmpty() ? List.of(-1L) : purposes)
                .setParameter("marketing", marketing);
    }
}

package se.somg.portal.notice;

import static se.somg.portal.kernel.Role.Names.CUSTOMER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.somg.portal.Refusal;
import se.somg.portal.account.CurrentCustomer;
import se.somg.portal.account.Customer;

/**
 * The customer's inbox (policy §4, §8, §12): the published notices whose audience includes them, newest first.
 * Nothing is stored per customer until they open or acknowledge a notice.
 */
@Stateless
@RolesAllowed(CUSTOMER)
public class NoticeService {

    @Inject
    private Clock clock;

    public static final int INBOX_SIZE = 100;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentCustomer current;

    @Inject
    private Inbox listed;

    public List<InboxEntry> inbox() {
        Customer customer = current.get();
        List<Long> ids = listed.listed(customer.getId(), INBOX_SIZE);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Notice> notices = em
                .createQuery("SELECT n FROM Notice n WHERE n.id IN :ids", Notice.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(Notice::getId, Function.identity()));
        Map<Long, NoticeReceipt> receipts = em
                .createQuery(
                        "SELECT r FROM NoticeReceipt r WHERE r.customerId = :customer AND r.noticeId IN :ids",
                        NoticeReceipt.class)
                .setParameter("customer", customer.getId())
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(NoticeReceipt::getNoticeId, Function.identity()));
        return ids.stream()
                .map(id -> new InboxEntry(notices.get(id), receipts.get(id)))
                .toList();
    }

    /** The badge in the header. */
    public long unreadCount() {
        return listed.unread(current.get().getId());
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
        receipt.acknowledge(OffsetDateTime.now(clock));
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
                    .setParameter(1, noticeId)
                    .setParameter(2, customerId)
                    .executeUpdate();
            receipt = em.find(NoticeReceipt.class, key);
        }
        return receipt;
    }

    private Notice own(Customer customer, long noticeId) {
        if (!listed.lists(customer.getId(), noticeId)) {
            throw new Refusal("notices.notFound");
        }
        return em.find(Notice.class, noticeId);
    }
}

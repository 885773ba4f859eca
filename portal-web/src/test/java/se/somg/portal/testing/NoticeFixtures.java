package se.somg.portal.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.somg.portal.account.AccountCreation;
import se.somg.portal.account.Customer;
import se.somg.portal.consent.ConsentLedger;
import se.somg.portal.consent.ConsentMethod;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.Platform;
import se.somg.portal.kernel.PostalAddress;
import se.somg.portal.notice.Inbox;
import se.somg.portal.preference.Channel;
import se.somg.portal.preference.ContactPreference;
import se.somg.portal.preference.MessageKind;
import se.somg.portal.preference.Preferences;

/** Customers with chosen platforms, consents and channels, for the notice tests. */
@Stateless
@PermitAll
public class NoticeFixtures {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccountCreation accounts;

    @Inject
    private Preferences preferences;

    @Inject
    private ConsentLedger consents;

    @Inject
    private Inbox inbox;

    /** A customer with default preferences, the given consent (or none) and, optionally, letter and phone chosen. */
    public long customer(String email, String familyName, Platform platform, String consent, boolean letterAndPhone) {
        Customer customer = accounts.customer(
                email, "Notice-Test-2020".toCharArray(), "Nora", familyName, platform, CollectionCircumstance.EVENT);
        em.flush();
        preferences.createDefaults(customer.getId());
        if (consent != null) {
            consents.change(customer.getId(), consent, true, ConsentMethod.PORTAL, null, OffsetDateTime.now());
        }
        if (letterAndPhone) {
            customer.setPostalAddress(new PostalAddress("Brevgatan 1", "111 22", "Stockholm", "SE"));
            customer.setPhone("+46705550100");
            for (ContactPreference cell : preferences.of(customer.getId())) {
                if ((cell.getChannel() == Channel.LETTER || cell.getChannel() == Channel.PHONE)
                        && cell.getKind() == MessageKind.ADMINISTRATIVE) {
                    cell.setEnabled(true);
                }
            }
        }
        return customer.getId();
    }

    /** The customer gives (or withdraws) a consent in the portal; giving again answers a policy's question. */
    public void consent(long customerId, String purpose, boolean given) {
        consents.change(customerId, purpose, given, ConsentMethod.PORTAL, null, OffsetDateTime.now());
    }

    public void restrict(long customerId, boolean restricted) {
        em.find(Customer.class, customerId).setRestrictedAt(restricted ? OffsetDateTime.now() : null);
    }

    public long mailsFor(long noticeId) {
        return em.createQuery("SELECT COUNT(m) FROM OutboxMessage m WHERE m.noticeId = :n", Long.class)
                .setParameter("n", noticeId)
                .getSingleResult();
    }

    public long distinctRecipients(long noticeId) {
        return em.createQuery(
                        "SELECT COUNT(DISTINCT m.recipient) FROM OutboxMessage m WHERE m.noticeId = :n", Long.class)
                .setParameter("n", noticeId)
                .getSingleResult();
    }

    @SuppressWarnings("unchecked")
    public List<String> recipients(long noticeId) {
        return new ArrayList<>(
                em.createQuery("SELECT m.recipient FROM OutboxMessage m WHERE m.noticeId = :n ORDER BY m.recipient")
                        .setParameter("n", noticeId)
                        .getResultList());
    }

    public OffsetDateTime readAt(long noticeId, long customerId) {
        em.getEntityManagerFactory().getCache().evictAll();
        return em.createQuery(
                        "SELECT r.readAt FROM NoticeReceipt r WHERE r.noticeId = :n AND r.customerId = :c",
                        OffsetDateTime.class)
                .setParameter("n", noticeId)
                .setParameter("c", customerId)
                .getSingleResult();
    }

    /** Turns one cell of a customer's contact preferences on or off. */
    public void choose(long customerId, Channel channel, MessageKind kind, boolean enabled) {
        preferences.of(customerId).stream()
                .filter(c -> c.getChannel() == channel && c.getKind() == kind)
                .forEach(c -> c.setEnabled(enabled));
    }

    public boolean inboxLists(long customerId, long noticeId) {
        return inbox.lists(customerId, noticeId);
    }

    /** For each notice, how many customers' inboxes list it, found by opening every customer's inbox. */
    public Map<Long, Long> inboxesListing() {
        Map<Long, Long> listing = new HashMap<>();
        for (Long customerId :
                em.createQuery("SELECT c.id FROM Customer c", Long.class).getResultList()) {
            for (Long noticeId : inbox.listed(customerId, Integer.MAX_VALUE)) {
                listing.merge(noticeId, 1L, Long::sum);
            }
        }
        return listing;
    }
}

package se.somg.portal.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.somg.portal.account.AccountToken;
import se.somg.portal.account.Credential;
import se.somg.portal.account.Customer;
import se.somg.portal.consent.Consent;
import se.somg.portal.consent.ConsentEvent;
import se.somg.portal.mail.OutboxMessage;
import se.somg.portal.profile.DatumSource;
import se.somg.portal.profile.ProfileField;

/** Database look-ups and time travel that the in-container tests need. */
@Stateless
@PermitAll
public class TestSupport {

    @PersistenceContext
    private EntityManager em;

    public Credential credential(String email) {
        return em.createNamedQuery(Credential.BY_EMAIL, Credential.class)
                .setParameter("email", Credential.normalise(email))
                .getSingleResult();
    }

    /** A staff member's roles. */
    public java.util.Set<se.somg.portal.kernel.Role> staffRoles(String email) {
        return em.createNamedQuery(
                        se.somg.portal.account.StaffMember.BY_CREDENTIAL, se.somg.portal.account.StaffMember.class)
                .setParameter("credentialId", credential(email).getId())
                .getSingleResult()
                .getRoles();
    }

    /** Moves a lock into the past, as if 15 minutes had gone by. */
    public void expireLock(String email) {
        credential(email).setThrottledUntil(OffsetDateTime.now().minusSeconds(1));
    }

    public long count(String jpql, Object... parameters) {
        var query = em.createQuery(jpql, Long.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getSingleResult();
    }

    /** The newest outbox mail to an address, or null. */
    public OutboxMessage latestMailTo(String recipient) {
        List<OutboxMessage> found = em.createQuery(
                        "SELECT m FROM OutboxMessage m WHERE m.recipient = :to ORDER BY m.id DESC", OutboxMessage.class)
                .setParameter("to", recipient)
                .setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    public OutboxMessage.Status mailStatus(long id) {
        em.getEntityManagerFactory().getCache().evictAll();
        return em.find(OutboxMessage.class, id).getStatus();
    }

    /** The secret of the link in a mail body (…?token=XYZ). */
    public static String tokenIn(String body) {
        Matcher matcher = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no link in: " + body);
        }
        return matcher.group(1);
    }

    /** Moves every token of an address past its expiry, as if the day (or hour) had gone by. */
    public void expireTokens(String email) {
        em.createQuery("SELECT t FROM AccountToken t WHERE t.credential.email = :email", AccountToken.class)
                .setParameter("email", Credential.normalise(email))
                .getResultList()
                .forEach(token -> token.setExpiresAt(OffsetDateTime.now().minusSeconds(1)));
    }

    public Customer customerOf(long credentialId) {
        return em.createNamedQuery(Customer.BY_CREDENTIAL, Customer.class)
                .setParameter("credentialId", credentialId)
                .getSingleResult();
    }

    public List<ProfileField> rectifiedFields(long customerId) {
        return em.createQuery(
                        "SELECT r.field FROM Rectification r WHERE r.customerId = :c ORDER BY r.id", ProfileField.class)
                .setParameter("c", customerId)
                .getResultList();
    }

    public DatumSource source(long customerId, ProfileField field) {
        return em.createQuery("SELECT d FROM DatumSource d WHERE d.customerId = :c AND d.field = :f", DatumSource.class)
                .setParameter("c", customerId)
                .setParameter("f", field)
                .getSingleResult();
    }

    public long annasImageId() {
        return em.createQuery(
                        "SELECT i.id FROM CampaignImage i, Customer c WHERE i.customerId = c.id "
                                + "AND c.credential.email = 'anna.andersson@example.com'",
                        Long.class)
                .getResultList()
                .get(0);
    }

    @SuppressWarnings("unchecked")
    public List<String> columnsOf(String table) {
        return em.createNativeQuery(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = ?1 ORDER BY 1")
                .setParameter(1, table)
                .getResultList();
    }

    public long consentEvents(long customerId, String purposeCode) {
        return em.createQuery(
                        "SELECT COUNT(e) FROM ConsentEvent e WHERE e.customerId = :c AND e.purpose.code = :p",
                        Long.class)
                .setParameter("c", customerId)
                .setParameter("p", purposeCode)
                .getSingleResult();
    }

    /** For every purpose the customer has a state for: does the state equal the newest event? */
    public boolean stateMatchesNewestEvents(long customerId) {
        return em
                .createQuery("SELECT c FROM Consent c WHERE c.customerId = :c", Consent.class)
                .setParameter("c", customerId)
                .getResultList()
                .stream()
                .allMatch(state -> {
                    List<ConsentEvent> newest = em.createQuery(
                                    "SELECT e FROM ConsentEvent e WHERE e.customerId = :c AND e.purpose = :p ORDER BY e.id DESC",
                                    ConsentEvent.class)
                            .setParameter("c", customerId)
                            .setParameter("p", state.getPurpose())
                            .setMaxResults(1)
                            .getResultList();
                    return newest.isEmpty()
                            ? !state.isGiven()
                            : newest.get(0).isGiven() == state.isGiven()
                                    && newest.get(0)
                                            .getId()
                                            .equals(state.getLastEvent().getId());
                });
    }

    public long annasFirstConsentEvent() {
        return em.createQuery(
                        "SELECT e.id FROM ConsentEvent e, Customer c WHERE e.customerId = c.id "
                                + "AND c.credential.email = 'anna.andersson@example.com' ORDER BY e.id",
                        Long.class)
                .setMaxResults(1)
                .getSingleResult();
    }

    /** Every column of the portal's tables whose name or type could hold a network address. */
    @SuppressWarnings("unchecked")
    public List<String> addressColumns() {
        return em.createNativeQuery("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND (column_name ~* '(^|_)(ip|ip_?address|remote_?addr|client_?addr|host)($|_)'
                       OR data_type IN ('inet', 'cidr'))""").getResultList();
    }
}

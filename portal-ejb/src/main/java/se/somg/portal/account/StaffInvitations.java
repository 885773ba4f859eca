package se.somg.portal.account;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.mail.Outbox;

/** The mailed link a new staff member sets their account up with: one at a time, 24 hours, single use. */
@Dependent
public class StaffInvitations {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Tokens tokens;

    @Inject
    private Outbox outbox;

    @Inject
    private MailTemplates mails;

    /** @param template {@code staffInvitation} (name, link) or {@code initialAdministrator} (link) */
    public void send(StaffMember member, String template, String language) {
        revoke(member);
        String token = tokens.issue(member.getCredential(), TokenPurpose.STAFF_SETUP, null);
        MailTemplates.Link link = new MailTemplates.Link("/setup.xhtml?token=" + token);
        Object[] arguments = "initialAdministrator".equals(template)
                ? new Object[] {link}
                : new Object[] {member.getDisplayName(), link};
        outbox.enqueue(
                member.getCredential().getId(),
                mails.compose(member.getCredential().getEmail(), language, template, arguments));
    }

    /** Whether a link sent earlier still works: then the first administrator is not mailed again at every start. */
    public boolean pending(StaffMember member, java.time.OffsetDateTime now) {
        return !em.createQuery(
                        "SELECT t FROM AccountToken t WHERE t.credential = :credential AND t.purpose = :purpose"
                                + " AND t.usedAt IS NULL AND t.expiresAt > :now",
                        AccountToken.class)
                .setParameter("credential", member.getCredential())
                .setParameter("purpose", TokenPurpose.STAFF_SETUP)
                .setParameter("now", now)
                .getResultList()
                .isEmpty();
    }

    public void revoke(StaffMember member) {
        em.createQuery("DELETE FROM AccountToken t WHERE t.credential = :credential AND t.purpose = :purpose"
                        + " AND t.usedAt IS NULL")
                .setParameter("credential", member.getCredential())
                .setParameter("purpose", TokenPurpose.STAFF_SETUP)
                .executeUpdate();
    }
}

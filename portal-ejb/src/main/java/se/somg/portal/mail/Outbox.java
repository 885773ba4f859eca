package se.somg.portal.mail;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;

/** Puts a mail in the outbox, in the caller's transaction: it is sent exactly when the change commits. */
@Stateless
@PermitAll
public class Outbox {

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    /** @param credentialId the account the mail is about, so that its erasure finds the mail at any address */
    /**
     * Whether fewer than {@code limit} mails of this template were written for the account within {@code period}:
     * mails that anyone can set off for an address they do not own are limited, so the portal cannot be made to
     * flood a stranger. The caller's answer stays the same either way.
     */
    public boolean mayWrite(long credentialId, String template, int limit, java.time.Duration period) {
        long recent = em.createQuery(
                        "SELECT COUNT(m) FROM OutboxMessage m WHERE m.credentialId = :credential"
                                + " AND m.template = :template AND m.createdAt > :since",
                        Long.class)
                .setParameter("credential", credentialId)
                .setParameter("template", template)
                .setParameter("since", OffsetDateTime.now(clock).minus(period))
                .getSingleResult();
        return recent < limit;
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OutboxMessage enqueue(long credentialId, MailText mail) {
        OutboxMessage message =
                new OutboxMessage(mail.recipient(), mail.subject(), mail.body(), OffsetDateTime.now(clock));
        message.belongsTo(credentialId, mail.template());
        em.persist(message);
        return message;
    }
}

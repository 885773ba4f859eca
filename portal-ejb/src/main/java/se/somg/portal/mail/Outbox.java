package se.somg.portal.mail;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;

/** Puts a mail in the outbox, in the caller's transaction: it is sent exactly when the change commits. */
@Stateless
@PermitAll
public class Outbox {

    @PersistenceContext
    private EntityManager em;

    /** @param credentialId the account the mail is about, so that its erasure finds the mail at any address */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OutboxMessage enqueue(long credentialId, MailText mail) {
        OutboxMessage message = new OutboxMessage(mail.recipient(), mail.subject(), mail.body(), OffsetDateTime.now());
        message.belongsTo(credentialId);
        em.persist(message);
        return message;
    }
}

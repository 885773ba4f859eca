package se.somg.portal.notice;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.mail.MailTemplates.Link;
import se.somg.portal.mail.MailText;
import se.somg.portal.preference.Channel;

/**
 * One batch of a notice's e-mail fan-out, in its own transaction: it claims up to {@value #BATCH} recipients in
 * {@code notice_mailing} (one row per notice and customer, ever) and writes their outbox mails in the same
 * statement. A crash before the commit leaves nothing; a repeated batch finds those customers claimed. So each
 * customer gets each notice once, however often the sender stops and starts. Batches take customers in id order
 * under the notice's row lock, so each starts after the highest id claimed so far (keyset: no rescans).
 */
@Stateless
@PermitAll
public class NoticeMailing {

    @Inject
    private Clock clock;

    public static final int BATCH = 1000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MailTemplates mails;

    /** Notices due for mailing, oldest first. */
    public List<Long> due() {
        return em.createQuery(
                        "SELECT n.id FROM Notice n WHERE n.mailingDoneAt IS NULL AND n.publishAt <= :now ORDER BY n.publishAt",
                        Long.class)
                .setParameter("now", OffsetDateTime.now(clock))
                .getResultList();
    }

    /** @return how many mails this batch queued; 0 means the notice is fully fanned out (and is marked so) */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int nextBatch(long noticeId) {
        Notice notice = em.find(Notice.class, noticeId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (notice == null || notice.getMailingDoneAt() != null) {
            return 0;
        }
        MailText sv = mails.compose(
                "", "sv", "notice", notice.getTitleSv(), notice.getBodySv(), new Link("/customer/notifications.xhtml"));
        MailText en = mails.compose(
                "", "en", "notice", notice.getTitleEn(), notice.getBodyEn(), new Link("/customer/notifications.xhtml"));
        int queued = em.createNativeQuery("""
                        WITH claimed AS (
                            INSERT INTO notice_mailing (notice_id, customer_id, queued_at)
                            SELECT ?1, c.id, now() FROM customer c
                            WHERE\s""" + Audience.of(notice, Channel.EMAIL) + """

                              AND c.id > (SELECT COALESCE(MAX(m.customer_id), 0) FROM notice_mailing m WHERE m.notice_id = ?1)
                            ORDER BY c.id LIMIT ?2
                            ON CONFLICT DO NOTHING
                            RETURNING customer_id)
                        INSERT INTO outbox_message (id, recipient, subject, body, status, attempts, created_at, next_attempt_at,
                                                    version, erase_after_sending, notice_id, credential_id)
                        SELECT nextval('outbox_message_seq'), cr.email,
                               CASE c.preferred_language WHEN 'en' THEN ?3 ELSE ?4 END,
                               CASE c.preferred_language WHEN 'en' THEN ?5 ELSE ?6 END,
                               'PENDING', 0, now(), now(), 0, FALSE, ?1, cr.id
                        FROM claimed JOIN customer c ON c.id = claimed.customer_id JOIN credential cr ON cr.id = c.credential_id""")
                .setParameter(1, noticeId)
                .setParameter(2, BATCH)
                .setParameter(3, en.subject())
                .setParameter(4, sv.subject())
                .setParameter(5, en.body())
                .setParameter(6, sv.body())
                .executeUpdate();
        if (queued == 0) {
            notice.mailingDone(OffsetDateTime.now(clock));
        }
        return queued;
    }
}

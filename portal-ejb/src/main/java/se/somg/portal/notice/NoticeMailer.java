package se.somg.portal.notice;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fans published notices out to the outbox every few seconds, batch by batch. Several nodes may do it at once:
 * the notice row lock serialises the batches of one notice, and the claim table makes every mail unique.
 */
@Singleton
public class NoticeMailer {

    private static final Logger LOG = Logger.getLogger(NoticeMailer.class.getName());

    @EJB
    private NoticeMailing mailing;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "notice fan-out")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fanOut() {
        try {
            for (long noticeId : mailing.due()) {
                while (mailing.nextBatch(noticeId) > 0) {
                    // each batch commits on its own
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notice fan-out stopped for this round: {0}", e.toString());
        }
    }
}

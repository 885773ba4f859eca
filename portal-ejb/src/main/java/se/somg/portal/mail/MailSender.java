package se.somg.portal.mail;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbox every few seconds. Each message is its own transaction holding its row lock
 * (SKIP LOCKED), so several portal nodes can drain together without sending anything twice. A round sends until
 * the outbox is empty or its time is up, so it never runs into the next round.
 */
@Singleton
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    private static final long ROUND_NANOS = 2_500_000_000L;

    @EJB
    private OutboxDelivery delivery;

    @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false, info = "outbox")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void drain() {
        try {
            long end = System.nanoTime() + ROUND_NANOS;
            while (System.nanoTime() < end && delivery.deliverNext()) {
                // one message per transaction
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox delivery stopped for this round: {0}", e.toString());
        }
    }
}

package se.somg.portal.platform;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Delivers due platform events every few seconds, each in its own transaction, until none is due or time is up. */
@Singleton
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    private static final long ROUND_NANOS = 2_500_000_000L;

    @EJB
    private WebhookDelivery delivery;

    @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false, info = "webhooks")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void drain() {
        try {
            long end = System.nanoTime() + ROUND_NANOS;
            while (System.nanoTime() < end && delivery.deliverNext()) {
                // one event per transaction
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "webhook delivery stopped for this round: {0}", e.toString());
        }
    }
}

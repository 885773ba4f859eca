package se.somg.portal;

import jakarta.ejb.ApplicationException;

/**
 * A business rule said no. It carries a message-bundle key, so the page can tell the person why in their
 * language; the transaction is rolled back, so nothing is half-written.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    private final String messageKey;

    public Refusal(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String getMessageKey() {
        return messageKey;
    }
}

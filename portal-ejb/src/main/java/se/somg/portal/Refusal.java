package se.somg.portal;

import jakarta.ejb.ApplicationException;

/**
 * A business rule said no. It carries a message-bundle key, so the page can tell the person why in their
 * language; the transaction is rolled back, so nothing is half-written.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    /** @param arguments what the message names ({0}, {1}, ...), such as a date or an address to write to */
    public Refusal(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArguments() {
        return arguments.clone();
    }
}

package se.somg.portal.consent;

import java.io.Serializable;

/** One purpose on the consents page, with its current state (null event: never given). */
public class ConsentRow implements Serializable {

    private final ConsentPurpose purpose;
    private final ConsentEvent lastEvent;
    private final boolean awaitingAnswer;

    public ConsentRow(ConsentPurpose purpose, ConsentEvent lastEvent, boolean awaitingAnswer) {
        this.purpose = purpose;
        this.lastEvent = lastEvent;
        this.awaitingAnswer = awaitingAnswer;
    }

    /** Given before a policy change that asks again: counts as not given until answered. */
    public boolean isAwaitingAnswer() {
        return awaitingAnswer;
    }

    public ConsentPurpose getPurpose() {
        return purpose;
    }

    public ConsentEvent getLastEvent() {
        return lastEvent;
    }

    public boolean isGiven() {
        return lastEvent != null && lastEvent.isGiven() && !awaitingAnswer;
    }
}

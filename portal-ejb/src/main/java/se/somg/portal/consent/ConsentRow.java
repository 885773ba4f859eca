package se.somg.portal.consent;

import java.io.Serializable;

/** One purpose on the consents page, with its current state (null event: never given). */
public class ConsentRow implements Serializable {

    private final ConsentPurpose purpose;
    private final ConsentEvent lastEvent;

    public ConsentRow(ConsentPurpose purpose, ConsentEvent lastEvent) {
        this.purpose = purpose;
        this.lastEvent = lastEvent;
    }

    public ConsentPurpose getPurpose() {
        return purpose;
    }

    public ConsentEvent getLastEvent() {
        return lastEvent;
    }

    public boolean isGiven() {
        return lastEvent != null && lastEvent.isGiven();
    }
}

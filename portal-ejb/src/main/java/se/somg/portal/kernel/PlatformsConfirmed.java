package se.somg.portal.kernel;

/**
 * The last platform holding the person confirmed a change of this kind, or the privacy officer recorded why it
 * cannot: announced in the confirming transaction, after the customer's row was locked, so two platforms confirming
 * at once cannot both believe the other is still outstanding.
 *
 * @param lastExcusedByOfficer the last one was the privacy officer's reason (the caller), not a platform's call
 */
public record PlatformsConfirmed(long customerId, CustomerChange.Kind kind, boolean lastExcusedByOfficer) {}

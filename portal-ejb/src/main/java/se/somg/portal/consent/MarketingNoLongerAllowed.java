package se.somg.portal.consent;

import java.time.OffsetDateTime;

/**
 * The last consent that allowed marketing to a customer was withdrawn, fired inside the withdrawing transaction: a
 * feature that keeps something marketing depends on observes this instead of being called by the consent feature.
 */
public record MarketingNoLongerAllowed(long customerId, OffsetDateTime at) {}

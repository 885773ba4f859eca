package se.somg.portal.account;

import java.time.OffsetDateTime;

/** A customer's e-mail address changed (confirmed by its link), fired in that transaction. */
public record EmailChanged(long customerId, OffsetDateTime at) {}

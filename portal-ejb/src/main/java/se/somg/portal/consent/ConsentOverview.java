package se.somg.portal.consent;

import java.io.Serializable;
import java.util.List;

/**
 * What the consents page shows, read in one transaction: each purpose with its state, and the history.
 *
 * @param rows every purpose in display order, with its state
 * @param history the customer's consent events, newest first
 */
public record ConsentOverview(List<ConsentRow> rows, List<ConsentEvent> history) implements Serializable {}

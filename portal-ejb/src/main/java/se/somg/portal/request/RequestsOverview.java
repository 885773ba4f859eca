package se.somg.portal.request;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The customer's own requests, whether processing is restricted, and, once the contract has ended, the day the
 * account is anonymised (null before).
 */
public record RequestsOverview(List<SubjectRequest> mine, boolean restricted, LocalDate anonymisedOn)
        implements Serializable {}

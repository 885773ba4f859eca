package se.somg.portal.request;

/** What a complaint is about (policy §13); "complaint details" are a §5.1 category of their own. */
public enum ComplaintCategory {
    DATA_USE,
    MARKETING,
    SECURITY,
    RIGHTS,
    OTHER
}

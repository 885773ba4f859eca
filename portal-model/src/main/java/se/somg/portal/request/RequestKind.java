package se.somg.portal.request;

/** What a data-subject request asks for (GDPR art. 16, 17, 18, 21; policy §7). */
public enum RequestKind {
    ERASURE,
    RESTRICTION,
    OBJECTION,
    RECTIFICATION
}

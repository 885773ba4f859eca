package se.somg.portal.notice;

/** Who a notice is for: every customer, the customers of one platform, or those who gave one consent. */
public enum NoticeAudience {
    ALL,
    PLATFORM,
    CONSENT
}

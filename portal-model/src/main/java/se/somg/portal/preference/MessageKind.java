package se.somg.portal.preference;

/** Why SOMG contacts a customer (policy §4): operational, administrative, or marketing (consent only). */
public enum MessageKind {
    OPERATIONAL,
    ADMINISTRATIVE,
    MARKETING
}

package se.somg.portal.preference;

/** The four ways SOMG communicates (policy §10): e-mail, letter, telecommunication and our tools (the portal inbox). */
public enum Channel {
    EMAIL,
    LETTER,
    PHONE,
    PORTAL
}

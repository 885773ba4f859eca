package se.somg.portal.consent;

/** How a consent was given or withdrawn. */
public enum ConsentMethod {
    /** The customer, in this portal. */
    PORTAL,
    /** While registering. */
    REGISTRATION,
    /** Staff, on the customer's behalf (the staff id is recorded). */
    STAFF,
    /** Answering the question asked again after a policy change. */
    RECONSENT,
    /** On one of SOMG's platforms, under the policy version in force there (the platform is recorded). */
    PLATFORM
}

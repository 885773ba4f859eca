package se.somg.portal.kernel;

/** The circumstance a datum was collected in (policy §5.1 and §5.2). */
public enum CollectionCircumstance {
    REGISTRATION,
    CONTRACT,
    EVENT,
    CAMPAIGN,
    SUBSCRIPTION,
    SURVEY,
    COMPETITION,
    CONTACT_SETTINGS,
    PAYMENT,
    CUSTOMER_SERVICE,
    /** The customer changed it themselves in this portal. */
    SELF_SERVICE
}

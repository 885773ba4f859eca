package se.somg.portal.profile;

/** The pieces of the profile a rectification or a datum source is about. */
public enum ProfileField {
    GIVEN_NAME,
    FAMILY_NAME,
    EMAIL,
    PERSONAL_IDENTITY_NUMBER,
    BIRTH_DATE,
    POSTAL_ADDRESS,
    PHONE,
    OCCUPATION,
    INTEREST,
    CAMPAIGN_IMAGE,
    CONTACT_PREFERENCE,
    PREFERRED_LANGUAGE,
    PASSWORD
}

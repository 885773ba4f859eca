package se.somg.portal.profile;

import java.time.LocalDate;
import se.somg.portal.kernel.PostalAddress;

/** A profile change that passed {@link ProfileRules}: trimmed, empty as null, numbers in their stored form. */
public record CleanProfile(
        String givenName,
        String familyName,
        String personalIdentityNumber,
        LocalDate birthDate,
        PostalAddress postalAddress,
        String phone,
        String occupation) {}

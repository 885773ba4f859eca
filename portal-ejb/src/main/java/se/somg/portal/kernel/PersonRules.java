package se.somg.portal.kernel;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for a person's name and e-mail address, which every feature that takes one applies (registration, the
 * profile, staff invitations, password reset): written once, below the features.
 */
public final class PersonRules {

    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;

    /** Control, format, private-use and unassigned characters: never part of a value anyone typed. */
    public static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]");

    /** Letters of any script, combining marks, spaces, hyphens, apostrophes and full stops. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'’-]*");

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private PersonRules() {}

    public static Optional<String> checkName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("profile.required");
        }
        String value = name.strip();
        if (value.length() > NAME_MAX) {
            return Optional.of("profile.tooLong");
        }
        if (CONTROL.matcher(value).find() || !NAME.matcher(value).matches()) {
            return Optional.of("profile.name.characters");
        }
        return Optional.empty();
    }

    public static Optional<String> checkEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.of("profile.required");
        }
        String value = email.strip();
        if (value.length() > EMAIL_MAX) {
            return Optional.of("profile.tooLong");
        }
        if (!EMAIL.matcher(value).matches()) {
            return Optional.of("profile.email.invalid");
        }
        return Optional.empty();
    }
}

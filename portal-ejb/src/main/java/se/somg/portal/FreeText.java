package se.somg.portal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person's own words (a request message, a complaint, a reason): line breaks are fine, other control and
 * format characters are not (they hide text or break mails), and the length has a limit.
 */
public final class FreeText {

    private static final Pattern HIDDEN = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}&&[^\\n\\r\\t]]");

    private FreeText() {}

    /** @return the message key of the problem, if any */
    public static Optional<String> problem(String value, int max, boolean required) {
        String text = clean(value);
        if (text == null) {
            return required ? Optional.of("text.required") : Optional.empty();
        }
        if (text.length() > max) {
            return Optional.of("text.tooLong");
        }
        if (HIDDEN.matcher(text).find()) {
            return Optional.of("text.control");
        }
        return Optional.empty();
    }

    /** Trimmed, with Windows line ends made plain; null when nothing is left. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String text = value.replace("\r\n", "\n").strip();
        return text.isEmpty() ? null : text;
    }
}

package se.somg.portal;

import java.util.Locale;
import java.util.Optional;

/**
 * The two languages the portal speaks: Swedish, the policy's own language and the default, and English. A language
 * is stored and sent as its code ("sv", "en"); everything else asks this type what a code means.
 */
public enum PortalLanguage {
    SWEDISH("sv", Locale.forLanguageTag("sv")),
    ENGLISH("en", Locale.ENGLISH);

    private final String code;
    private final Locale locale;

    PortalLanguage(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** A code that may be missing or unknown (a stored preference, a cookie): Swedish unless it says English. */
    public static PortalLanguage of(String code) {
        return ENGLISH.code.equals(code) ? ENGLISH : SWEDISH;
    }

    /** A code someone chose: only "sv" or "en" name a language. */
    public static Optional<PortalLanguage> parse(String code) {
        for (PortalLanguage language : values()) {
            if (language.code.equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The one of a pair of texts (or anything else written in both languages) that is in this language. */
    public <T> T pick(T swedish, T english) {
        return this == ENGLISH ? english : swedish;
    }
}

package se.somg.portal.language;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/** The language of the pages for this browser session: Swedish (the policy's language) unless chosen. */
@Named
@SessionScoped
public class Language implements Serializable {

    public static final Locale SWEDISH = Locale.forLanguageTag("sv");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Locale locale = SWEDISH;

    public Locale getLocale() {
        return locale;
    }

    public String getCode() {
        return locale.getLanguage();
    }

    public boolean isEnglish() {
        return ENGLISH.equals(locale);
    }

    /** Accepts "sv" or "en"; anything else leaves the choice as it was. */
    public boolean choose(String code) {
        if ("sv".equals(code)) {
            locale = SWEDISH;
            return true;
        }
        if ("en".equals(code)) {
            locale = ENGLISH;
            return true;
        }
        return false;
    }
}

package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortalLanguageTest {

    @Test
    void swedishUnlessEnglishIsNamed() {
        assertEquals(PortalLanguage.ENGLISH, PortalLanguage.of("en"));
        assertEquals(PortalLanguage.SWEDISH, PortalLanguage.of("sv"));
        assertEquals(PortalLanguage.SWEDISH, PortalLanguage.of(null));
        assertEquals(PortalLanguage.SWEDISH, PortalLanguage.of("EN-gb"));
    }

    @Test
    void onlyTheTwoCodesAreAChoice() {
        assertEquals(Optional.of(PortalLanguage.ENGLISH), PortalLanguage.parse("en"));
        assertEquals(Optional.of(PortalLanguage.SWEDISH), PortalLanguage.parse("sv"));
        assertEquals(Optional.empty(), PortalLanguage.parse("de"));
        assertEquals(Optional.empty(), PortalLanguage.parse(null));
    }

    @Test
    void eachLanguagePicksItsOwnText() {
        assertEquals("hej", PortalLanguage.SWEDISH.pick("hej", "hello"));
        assertEquals("hello", PortalLanguage.ENGLISH.pick("hej", "hello"));
        assertEquals(Locale.forLanguageTag("sv"), PortalLanguage.SWEDISH.locale());
        assertEquals("en", PortalLanguage.ENGLISH.code());
    }
}

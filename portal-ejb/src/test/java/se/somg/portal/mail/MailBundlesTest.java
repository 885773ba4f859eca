package se.somg.portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every mail exists in Swedish and English. */
class MailBundlesTest {

    @Test
    void swedishAndEnglishHaveTheSameTemplates() {
        ResourceBundle swedish = ResourceBundle.getBundle("se.somg.portal.mail.mail", Locale.forLanguageTag("sv"));
        ResourceBundle english = ResourceBundle.getBundle("se.somg.portal.mail.mail", Locale.ENGLISH);
        assertEquals(swedish.keySet(), english.keySet());
        assertEquals("Confirm your SOMG account", english.getString("registration.subject"));
    }
}

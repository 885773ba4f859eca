package se.somg.portal.language;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text exists in Swedish and in English, and none is empty. */
class MessageBundlesTest {

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/se/somg/portal/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void swedishAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> swedish = new TreeSet<>(load("sv").stringPropertyNames());
        Set<String> english = new TreeSet<>(load("en").stringPropertyNames());
        assertEquals(swedish, english);
        assertTrue(swedish.size() > 100);
    }

    @Test
    void noTextIsEmpty() throws IOException {
        for (String language : new String[] {"sv", "en"}) {
            Properties texts = load(language);
            texts.stringPropertyNames().forEach(key -> assertTrue(!texts.getProperty(key).isBlank(), language + " " + key));
        }
    }

    @Test
    void theContractsEnglishNamesAreThere() throws IOException {
        Properties english = load("en");
        assertEquals("E-mail", english.getProperty("login.email"));
        assertEquals("Password", english.getProperty("login.password"));
        assertEquals("Log in", english.getProperty("login.submit"));
        assertEquals("Log out", english.getProperty("header.logout"));
        assertEquals("My data", english.getProperty("nav.extract"));
        assertEquals("Contact preferences", english.getProperty("nav.preferences"));
    }
}

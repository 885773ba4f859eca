package se.somg.portal.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every text exists in Swedish and in English, with the same placeholders, and none is empty. */
class MessageBundlesTest {

    /** The pages' texts, the mails' and the register extract's. */
    private static final List<String> BUNDLES =
            List.of("/se/somg/portal/messages", "/se/somg/portal/mail/mail", "/se/somg/portal/extract/extract");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private static Properties load(String language) throws IOException {
        return load("/se/somg/portal/messages", language);
    }

    private static Properties load(String bundle, String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(bundle + "_" + language + ".properties")) {
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

    /** A text that fills in {0} in one language fills in the same values in the other: nothing is left out. */
    @Test
    void bothLanguagesFillInTheSamePlaceholders() throws IOException {
        for (String bundle : BUNDLES) {
            Properties swedish = load(bundle, "sv");
            Properties english = load(bundle, "en");
            assertEquals(
                    new TreeSet<>(swedish.stringPropertyNames()), new TreeSet<>(english.stringPropertyNames()), bundle);
            for (String key : swedish.stringPropertyNames()) {
                assertEquals(
                        placeholders(swedish.getProperty(key)),
                        placeholders(english.getProperty(key)),
                        bundle + " " + key);
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void noTextIsEmpty() throws IOException {
        for (String language : new String[] {"sv", "en"}) {
            Properties texts = load(language);
            texts.stringPropertyNames()
                    .forEach(key -> assertTrue(!texts.getProperty(key).isBlank(), language + " " + key));
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
        // the launch issue's names
        assertEquals("Code", english.getProperty("secondStep.code"));
        assertEquals("Verify", english.getProperty("secondStep.submit"));
        assertEquals("Sign in with a passkey", english.getProperty("login.passkey"));
        assertEquals("Staff", english.getProperty("nav.staffAccounts"));
        assertEquals("Invite staff member", english.getProperty("staff.invite.submit"));
        assertEquals("Save roles", english.getProperty("staff.saveRoles"));
        assertEquals("Deactivate", english.getProperty("staff.deactivate"));
        assertEquals("Reactivate", english.getProperty("staff.reactivate"));
        assertEquals("Customer support", english.getProperty("role.SUPPORT"));
        assertEquals("Privacy officer", english.getProperty("role.PRIVACY_OFFICER"));
        assertEquals("Communications", english.getProperty("role.COMMUNICATIONS"));
        assertEquals("Administrator", english.getProperty("role.ADMINISTRATOR"));
        assertEquals("Security", english.getProperty("nav.security"));
        assertEquals("Two-step verification", english.getProperty("security.twoStep"));
        assertEquals("Passkeys", english.getProperty("security.passkeys"));
        assertEquals("Recent sign-ins", english.getProperty("security.signIns"));
        assertEquals("Set up authenticator app", english.getProperty("security.app.start"));
        assertEquals("Add a passkey", english.getProperty("security.passkeys.add"));
    }
}

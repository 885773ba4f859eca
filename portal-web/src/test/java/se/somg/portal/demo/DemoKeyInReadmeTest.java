package se.somg.portal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Anyone trying the demo, and the checks outside the project, compute the staff's codes from the key the README
 * gives on its TOTP line: it must be the key the demo staff accounts are made with.
 */
class DemoKeyInReadmeTest {

    @Test
    void theReadmeGivesTheDemoStaffsAuthenticatorKey() throws Exception {
        Path readme = Path.of("..", "README.md");
        Pattern key = Pattern.compile("`([A-Z2-7]{16,})`");
        List<String> keys = Files.readAllLines(readme).stream()
                .filter(line -> line.contains("TOTP:"))
                .map(key::matcher)
                .filter(Matcher::find)
                .map(found -> found.group(1))
                .toList();
        assertEquals(List.of(DemoUser.STAFF_TOTP_KEY), keys, "one TOTP line in " + readme.toAbsolutePath());
    }
}

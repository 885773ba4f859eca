package se.somg.portal.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rule's "no" is told to the person in one place: {@link ActionProblems} for pages, {@code ProblemMappers} for the
 * API. A page or resource that catches {@code InvalidInput} or {@code Refusal} itself would tell it a second way;
 * only the few that turn a refusal into something other than a message (a download that does not start, a warning
 * on a page that then reloads) may, and they are named here.
 */
class ErrorsMappedOnceTest {

    private static final Pattern CATCH = Pattern.compile("catch \\(([\\w.]+ \\| )*(InvalidInput|Refusal)\\b");

    /** Each with its reason. */
    private static final List<String> ALLOWED = List.of(
            "extract/ExtractPage.java", // the download is not started: nothing to render the message into
            "policy/PolicyPage.java", // an unknown version in the address: the current one is shown
            "profile/CampaignImageServlet.java", // a servlet: another's image is a plain 404
            // the confirmation link's view action: the refusal is the page it renders (was hidden behind an inline
            // qualified name until the imports were written out)
            "registration/RegistrationPage.java",
            "retention/RetentionPage.java"); // a run already under way is a warning, and the page reloads

    @Test
    void noPageOrResourceCatchesARulesAnswerItself() throws IOException {
        Path sources = Path.of("src/main/java/se/somg/portal");
        assertTrue(Files.isDirectory(sources), sources.toAbsolutePath().toString());
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> catching = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> CATCH.matcher(read(f)).find())
                    .map(f -> sources.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            assertEquals(ALLOWED, catching);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package se.somg.portal.testing;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.awaitility.Awaitility;
import se.somg.portal.devdb.DevMailServer;

/** Reads the mail the portal under test sent to the test SMTP server. */
public final class Mailbox {

    private Mailbox() {}

    /** Waits up to 30 s for the newest mail to an address whose subject contains the given text. */
    public static String awaitText(String recipient, String subjectPart) {
        MimeMessage mail = Awaitility.await("a mail to " + recipient + " about '" + subjectPart + "'")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> newest(recipient, subjectPart), Objects::nonNull);
        return DevMailServer.text(mail);
    }

    /** How many mails to an address with this text in the subject have arrived so far. */
    public static long count(String recipient, String subjectPart) throws Exception {
        long count = 0;
        for (MimeMessage message : TestEnvironment.mail().received()) {
            if (isTo(message, recipient) && message.getSubject().contains(subjectPart)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isTo(MimeMessage message, String recipient) throws Exception {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
    }

    private static MimeMessage newest(String recipient, String subjectPart) throws Exception {
        List<MimeMessage> received = TestEnvironment.mail().received();
        for (int i = received.size() - 1; i >= 0; i--) {
            MimeMessage message = received.get(i);
            if (isTo(message, recipient) && message.getSubject().contains(subjectPart)) {
                return message;
            }
        }
        return null;
    }

    /** The path and query of the first link in a mail, to open against the server under test. */
    public static String linkPath(String text) {
        List<String> links = DevMailServer.links(text);
        if (links.isEmpty()) {
            throw new AssertionError("no link in: " + text);
        }
        URI link = URI.create(links.get(0));
        return link.getRawPath() + "?" + link.getRawQuery();
    }
}

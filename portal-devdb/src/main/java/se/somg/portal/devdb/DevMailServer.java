package se.somg.portal.devdb;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) for the run command and the tests, so that registration and password mails
 * really go out over SMTP and can be read.
 */
public final class DevMailServer implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private GreenMail greenMail;
    private final int port;
    private final List<MimeMessage> beforeOutage = new java.util.ArrayList<>();

    private DevMailServer(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    /** Starts on the given port, or on a free one when the port is 0. */
    public static DevMailServer start(int port) throws IOException {
        int chosen = port == 0 ? freePort() : port;
        GreenMail greenMail = new GreenMail(new ServerSetup(chosen, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new DevMailServer(greenMail, chosen);
    }

    public int port() {
        return port;
    }

    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new java.util.ArrayList<>(beforeOutage);
        all.addAll(List.of(greenMail.getReceivedMessages()));
        return all;
    }

    /** Stops accepting mail, as an SMTP server that went down; what arrived so far stays readable. */
    public synchronized void outage() {
        beforeOutage.addAll(List.of(greenMail.getReceivedMessages()));
        greenMail.stop();
    }

    /** Comes back on the same port after {@link #outage()}. */
    public synchronized void recover() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> links(String text) {
        Matcher matcher = LINK.matcher(text);
        return matcher.results().map(java.util.regex.MatchResult::group).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

package se.somg.portal.mail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.somg.portal.metrics.Counters;

/** Sends one due outbox message over SMTP (Jakarta Mail) and records the outcome. */
@Stateless
@PermitAll
public class OutboxDelivery {

    @Inject
    private Clock clock;

    @jakarta.inject.Inject
    private Counters counters;

    @PersistenceContext
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "portal.smtp.host", defaultValue = "localhost")
    private String host;

    @Inject
    @ConfigProperty(name = "portal.smtp.port", defaultValue = "25")
    private int port;

    @Inject
    @ConfigProperty(name = "portal.smtp.user")
    private Optional<String> user;

    @Inject
    @ConfigProperty(name = "portal.smtp.password")
    private Optional<String> password;

    @Inject
    @ConfigProperty(name = "portal.smtp.starttls", defaultValue = "false")
    private boolean startTls;

    @Inject
    @ConfigProperty(name = "portal.mail.from", defaultValue = "kundtjanst@oncentrum.com")
    private String from;

    /** The first wait after a failed try, doubling each time (tests shorten it). */
    @Inject
    @ConfigProperty(name = "portal.mail.retry-seconds", defaultValue = "30")
    private long retrySeconds;

    private Session session;

    @PostConstruct
    void connect() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        properties.put("mail.smtp.auth", String.valueOf(user.isPresent()));
        session = Session.getInstance(
                properties,
                user.isEmpty()
                        ? null
                        : new Authenticator() {
                            @Override
                            protected PasswordAuthentication getPasswordAuthentication() {
                                return new PasswordAuthentication(user.get(), password.orElse(""));
                            }
                        });
    }

    /** @return whether a message was due (sent or failed); false when the outbox has nothing due */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deliverNext() {
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("""
                SELECT id FROM outbox_message
                WHERE status = 'PENDING' AND next_attempt_at <= now()
                ORDER BY (notice_id IS NOT NULL), next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""").getResultList();
        if (due.isEmpty()) {
            return false;
        }
        OutboxMessage message = em.find(OutboxMessage.class, due.get(0).longValue());
        try {
            // A Message-ID of its own: should a node die after the SMTP server took the mail but before the
            // commit, the resent copy carries the same id, and mail systems treat it as the same message.
            String messageId = "<outbox-" + message.getId() + "@"
                    + from.substring(from.indexOf('@') + 1).replace(">", "") + ">";
            MimeMessage mime = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mime.setFrom(new InternetAddress(from));
            mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.getRecipient()));
            mime.setSubject(message.getSubject(), StandardCharsets.UTF_8.name());
            mime.setText(message.getBody(), StandardCharsets.UTF_8.name());
            mime.setSentDate(new Date());
            mime.setHeader("X-Portal-Outbox-Id", String.valueOf(message.getId()));
            Transport.send(mime);
            message.sent(OffsetDateTime.now(clock));
            counters.mailSent();
        } catch (MessagingException | RuntimeException e) {
            message.failed(
                    OffsetDateTime.now(clock), e.getClass().getSimpleName() + ": " + e.getMessage(), retrySeconds);
            counters.mailFailed();
        }
        return true;
    }
}

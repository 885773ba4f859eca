package se.somg.portal.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.somg.portal.Controller;
import se.somg.portal.PortalLanguage;
import se.somg.portal.Sweden;

/** Mails in the recipient's language, with links back to this portal. */
@ApplicationScoped
public class MailTemplates {

    @Inject
    @ConfigProperty(name = "portal.base-url", defaultValue = "http://localhost:8080")
    private String baseUrl;

    @Inject
    private Controller controller;

    /**
     * @param key       the template: {@code key.subject} and {@code key.body} in the mail bundle
     * @param arguments {0}… in the texts; a link path given as {@link Link} becomes an absolute URL
     */
    public MailText compose(String recipient, String language, String key, Object... arguments) {
        Locale locale = locale(language);
        ResourceBundle texts = ResourceBundle.getBundle("se.somg.portal.mail.mail", locale);
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            values[i] = arguments[i] instanceof Link link ? absolute(link.path()) : arguments[i];
        }
        String subject = new MessageFormat(texts.getString(key + ".subject"), locale).format(values);
        String body = new MessageFormat(texts.getString(key + ".body"), locale).format(values)
                + "\n\n"
                + new MessageFormat(texts.getString("signature"), locale)
                        .format(new Object[] {controller.getName(), controller.getAddress(), controller.getEmail()});
        return new MailText(recipient, subject, body, key);
    }

    /** One text of the mail bundle in the recipient's language, to fill into a template. */
    public String word(String language, String key) {
        return ResourceBundle.getBundle("se.somg.portal.mail.mail", locale(language))
                .getString(key);
    }

    private static Locale locale(String language) {
        return PortalLanguage.of(language).locale();
    }

    private String absolute(String path) {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + path;
    }

    /** A moment as a mail names it: Swedish time, to the minute. */
    public static String time(java.time.OffsetDateTime at) {
        return at.atZoneSameInstant(Sweden.ZONE)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    /** A path of this portal, written into a mail as an absolute link. */
    public record Link(String path) {}
}

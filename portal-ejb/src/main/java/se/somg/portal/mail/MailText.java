package se.somg.portal.mail;

import java.io.Serializable;

/** A composed mail: recipient, subject and plain-text body, and the template it was written from. */
public record MailText(String recipient, String subject, String body, String template) implements Serializable {

    public MailText(String recipient, String subject, String body) {
        this(recipient, subject, body, null);
    }
}

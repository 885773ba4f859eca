package se.somg.portal.mail;

import java.io.Serializable;

/** A composed mail: recipient, subject and plain-text body. */
public record MailText(String recipient, String subject, String body) implements Serializable {
}

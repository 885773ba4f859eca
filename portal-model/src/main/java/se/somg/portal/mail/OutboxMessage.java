package se.somg.portal.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * An e-mail waiting to be sent, written in the same transaction as the change that causes it, so a crash or
 * an SMTP outage loses nothing; a timer sends it with retries and back-off.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage implements Serializable {

    public enum Status {
        PENDING,
        SENT,
        FAILED
    }

    public static final int MAX_ATTEMPTS = 8;
    public static final long DEFAULT_RETRY_SECONDS = 30;

    @Id
    @SequenceGenerator(name = "outbox_message_seq", sequenceName = "outbox_message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_message_seq")
    private Long id;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    /** The notice this mail delivers, if any: the notice's figures count its mails. */
    @Column(name = "credential_id", updatable = false)
    private Long credentialId;

    @Column(name = "template", updatable = false, length = 40)
    private String template;

    @Column(name = "notice_id")
    private Long noticeId;

    /** The confirmation of an erasure: its address and text go once it is sent or given up. */
    @Column(name = "erase_after_sending", nullable = false)
    private boolean eraseAfterSending;

    @Version
    private long version;

    protected OutboxMessage() {}

    public OutboxMessage(String recipient, String subject, String body, OffsetDateTime now) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public void sent(OffsetDateTime at) {
        status = Status.SENT;
        attempts++;
        sentAt = at;
        lastError = null;
        eraseIfLast();
    }

    public void belongsTo(long credentialId, String template) {
        this.credentialId = credentialId;
        this.template = template;
    }

    public Long getCredentialId() {
        return credentialId;
    }

    public void eraseAfterSending() {
        eraseAfterSending = true;
    }

    public boolean isEraseAfterSending() {
        return eraseAfterSending;
    }

    private void eraseIfLast() {
        if (eraseAfterSending) {
            recipient = "erased@erased.invalid";
            subject = "-";
            body = "";
            lastError = null;
        }
    }

    /** Waits 30 s, 1 min, 2 min … before the next try; gives up after {@link #MAX_ATTEMPTS}. */
    public void failed(OffsetDateTime at, String error) {
        failed(at, error, DEFAULT_RETRY_SECONDS);
    }

    /** As {@link #failed(OffsetDateTime, String)}, with the first wait in seconds (doubling after each try). */
    public void failed(OffsetDateTime at, String error, long firstRetrySeconds) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        if (attempts >= MAX_ATTEMPTS) {
            status = Status.FAILED;
            eraseIfLast();
        } else {
            nextAttemptAt = at.plus(Duration.ofSeconds(firstRetrySeconds << Math.min(attempts - 1, 10)));
        }
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public OffsetDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public String getLastError() {
        return lastError;
    }
}

package se.somg.portal.notice;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/** How far a notice has got: audience, mail, reads and acknowledgements, and how they grew over time. */
public class NoticeFigures implements Serializable {

    /** Cumulative counts at one moment. */
    public record Point(OffsetDateTime at, long sent, long read, long acknowledged) implements Serializable {}

    private final long audience;
    private final long mailsQueued;
    private final long mailsSent;
    private final long mailsFailed;
    private final long read;
    private final long acknowledged;
    private final boolean mailingDone;
    private final List<Point> timeline;

    public NoticeFigures(
            long audience,
            long mailsQueued,
            long mailsSent,
            long mailsFailed,
            long read,
            long acknowledged,
            boolean mailingDone,
            List<Point> timeline) {
        this.audience = audience;
        this.mailsQueued = mailsQueued;
        this.mailsSent = mailsSent;
        this.mailsFailed = mailsFailed;
        this.read = read;
        this.acknowledged = acknowledged;
        this.mailingDone = mailingDone;
        this.timeline = timeline;
    }

    public long getAudience() {
        return audience;
    }

    public long getMailsQueued() {
        return mailsQueued;
    }

    public long getMailsSent() {
        return mailsSent;
    }

    public long getMailsFailed() {
        return mailsFailed;
    }

    public long getMailsPending() {
        return mailsQueued - mailsSent - mailsFailed;
    }

    public long getRead() {
        return read;
    }

    public long getAcknowledged() {
        return acknowledged;
    }

    public boolean isMailingDone() {
        return mailingDone;
    }

    /** Still sending: the fan-out is not done, or mails wait in the outbox. */
    public boolean isDelivering() {
        return !mailingDone || getMailsPending() > 0;
    }

    public int getMailProgress() {
        return mailsQueued == 0 ? (mailingDone ? 100 : 0) : (int) ((mailsSent + mailsFailed) * 100 / mailsQueued);
    }

    public List<Point> getTimeline() {
        return timeline;
    }
}

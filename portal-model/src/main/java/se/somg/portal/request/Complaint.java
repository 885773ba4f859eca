package se.somg.portal.request;

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
import java.time.OffsetDateTime;

/** A complaint about how SOMG handles personal data (policy §13), and staff's answer. */
@Entity
@Table(name = "complaint")
public class Complaint implements Serializable {

    public static final int MAX_TEXT = 4000;

    @Id
    @SequenceGenerator(name = "complaint_seq", sequenceName = "complaint_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "complaint_seq")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 24)
    private ComplaintCategory category;

    @Column(nullable = false, length = MAX_TEXT)
    private String text;

    @Column(name = "filed_at", nullable = false, updatable = false)
    private OffsetDateTime filedAt;

    @Column(length = MAX_TEXT)
    private String answer;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    @Column(name = "answered_by", length = 64)
    private String answeredBy;

    @Version
    private long version;

    protected Complaint() {}

    public Complaint(Long customerId, ComplaintCategory category, String text, OffsetDateTime filedAt) {
        this.customerId = customerId;
        this.category = category;
        this.text = text;
        this.filedAt = filedAt;
    }

    public void answer(String answer, String actor, OffsetDateTime at) {
        this.answer = answer;
        this.answeredBy = actor;
        this.answeredAt = at;
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public ComplaintCategory getCategory() {
        return category;
    }

    public String getText() {
        return text;
    }

    public OffsetDateTime getFiledAt() {
        return filedAt;
    }

    public String getAnswer() {
        return answer;
    }

    public OffsetDateTime getAnsweredAt() {
        return answeredAt;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public long getVersion() {
        return version;
    }
}

package se.somg.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** A successful login: the time only. Deliberately no IP address or device (policy §5.1). */
@Entity
@Table(name = "login_record")
public class LoginRecord implements Serializable {

    @Id
    @SequenceGenerator(name = "login_record_seq", sequenceName = "login_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_record_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "credential_id", nullable = false)
    private Credential credential;

    @Column(name = "logged_in_at", nullable = false)
    private OffsetDateTime loggedInAt;

    protected LoginRecord() {}

    public LoginRecord(Credential credential, OffsetDateTime loggedInAt) {
        this.credential = credential;
        this.loggedInAt = loggedInAt;
    }

    public Long getId() {
        return id;
    }

    public Credential getCredential() {
        return credential;
    }

    public OffsetDateTime getLoggedInAt() {
        return loggedInAt;
    }
}

package se.somg.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A successful sign-in, shown to its owner: when, how, and from what kind of browser and operating system (coarse
 * families read from the User-Agent, never its full text). Deliberately no IP address (policy §5.1).
 */
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

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, length = 16)
    private SignInMethod method;

    @Column(name = "browser", length = 32)
    private String browser;

    @Column(name = "operating_system", length = 32)
    private String operatingSystem;

    /** The browser's {@link TrustedDevice}, so its owner sees which sign-in was "this browser". */
    @Column(name = "trusted_device_id")
    private Long trustedDeviceId;

    protected LoginRecord() {}

    public LoginRecord(
            Credential credential,
            OffsetDateTime loggedInAt,
            SignInMethod method,
            String browser,
            String operatingSystem,
            Long trustedDeviceId) {
        this.credential = credential;
        this.loggedInAt = loggedInAt;
        this.method = method;
        this.browser = browser;
        this.operatingSystem = operatingSystem;
        this.trustedDeviceId = trustedDeviceId;
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

    public SignInMethod getMethod() {
        return method;
    }

    public String getBrowser() {
        return browser;
    }

    public String getOperatingSystem() {
        return operatingSystem;
    }

    public Long getTrustedDeviceId() {
        return trustedDeviceId;
    }
}

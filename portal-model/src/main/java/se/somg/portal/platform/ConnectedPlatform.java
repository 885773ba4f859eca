package se.somg.portal.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One of SOMG's platforms (policy §1): a site or system where customers' data is collected and used, told of every
 * change it must honour by webhook or through the change feed. The four of the policy come with the schema.
 */
@Entity
@Table(name = "platform")
public class ConnectedPlatform implements Serializable {

    @Id
    @Column(length = 32)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 253, unique = true)
    private String domain;

    @Column(nullable = false, length = 1000)
    private String events = "";

    @Column(name = "webhook_url", length = 500)
    private String webhookUrl;

    @Column(name = "webhook_secret", nullable = false, length = 100)
    private String webhookSecret;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "failing_since")
    private OffsetDateTime failingSince;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected ConnectedPlatform() {}

    public ConnectedPlatform(String code, String webhookSecret, OffsetDateTime createdAt) {
        this.code = code;
        this.webhookSecret = webhookSecret;
        this.createdAt = createdAt;
    }

    public void describe(String name, String domain, List<String> events, String webhookUrl) {
        this.name = name;
        this.domain = domain;
        this.events = String.join(" ", events);
        this.webhookUrl = webhookUrl;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDomain() {
        return domain;
    }

    public List<String> getEvents() {
        return events.isBlank() ? List.of() : Arrays.asList(events.split(" "));
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public OffsetDateTime getFailingSince() {
        return failingSince;
    }

    public long getVersion() {
        return version;
    }
}

package se.somg.portal.preference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Whether a customer wants one kind of message on one channel. */
@Entity
@Table(name = "contact_preference")
public class ContactPreference implements Serializable {

    @Id
    @SequenceGenerator(name = "contact_preference_seq", sequenceName = "contact_preference_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_preference_seq")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private MessageKind kind;

    @Column(nullable = false)
    private boolean enabled;

    protected ContactPreference() {}

    public ContactPreference(Long customerId, Channel channel, MessageKind kind, boolean enabled) {
        this.customerId = customerId;
        this.channel = channel;
        this.kind = kind;
        this.enabled = enabled;
    }

    /** The portal inbox always receives operational and administrative messages. */
    public static boolean isFixed(Channel channel, MessageKind kind) {
        return channel == Channel.PORTAL && kind != MessageKind.MARKETING;
    }

    /** The starting point of a new customer: the inbox and e-mail for operational and administrative, no marketing. */
    public static boolean isOnByDefault(Channel channel, MessageKind kind) {
        return kind != MessageKind.MARKETING && (channel == Channel.PORTAL || channel == Channel.EMAIL);
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Channel getChannel() {
        return channel;
    }

    public MessageKind getKind() {
        return kind;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}

package se.somg.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** An employee of SOMG with one need-to-know role (policy §6). */
@Entity
@Table(name = "staff_member")
public class StaffMember implements Serializable {

    @Id
    @SequenceGenerator(name = "staff_member_seq", sequenceName = "staff_member_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_member_seq")
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "credential_id", nullable = false, unique = true)
    private Credential credential;

    @NotBlank
    @Size(max = 100)
    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Version
    private long version;

    protected StaffMember() {}

    public StaffMember(Credential credential, String displayName) {
        this.credential = credential;
        this.displayName = displayName;
    }

    public Long getId() {
        return id;
    }

    public Credential getCredential() {
        return credential;
    }

    public String getDisplayName() {
        return displayName;
    }

    public long getVersion() {
        return version;
    }
}

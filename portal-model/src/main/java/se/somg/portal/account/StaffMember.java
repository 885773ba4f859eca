package se.somg.portal.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import se.somg.portal.kernel.Role;

/**
 * An employee of SOMG with need-to-know roles (policy §6), made by an administrator. A deactivated staff member
 * cannot sign in and every session of theirs has ended; the row stays, so their past actions keep their id in the
 * audit trail.
 */
@Entity
@Table(name = "staff_member")
@NamedQuery(
        name = StaffMember.BY_CREDENTIAL,
        query = "SELECT s FROM StaffMember s JOIN FETCH s.credential WHERE s.credential.id = :credentialId")
public class StaffMember implements Serializable {

    public static final String BY_CREDENTIAL = "StaffMember.byCredential";

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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_member_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 32)
    private Set<Role> roles = new HashSet<>();

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "deactivated_at")
    private OffsetDateTime deactivatedAt;

    @Version
    private long version;

    protected StaffMember() {}

    public StaffMember(Credential credential, String displayName, Set<Role> roles) {
        this.credential = credential;
        this.displayName = displayName;
        setRoles(roles);
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

    /** The roles, in the order of {@link Role}. */
    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** @throws IllegalArgumentException when a role is not a staff role, or none is given */
    public final void setRoles(Set<Role> chosen) {
        if (chosen == null || chosen.isEmpty() || chosen.contains(Role.CUSTOMER)) {
            throw new IllegalArgumentException("staff roles only, at least one: " + chosen);
        }
        roles.clear();
        roles.addAll(chosen);
    }

    public boolean isActive() {
        return active;
    }

    public OffsetDateTime getDeactivatedAt() {
        return deactivatedAt;
    }

    public void deactivate(OffsetDateTime at) {
        active = false;
        deactivatedAt = at;
    }

    public void reactivate() {
        active = true;
        deactivatedAt = null;
    }

    public long getVersion() {
        return version;
    }
}

package se.somg.portal.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import se.somg.portal.Refusal;
import se.somg.portal.kernel.Role;
import se.somg.portal.language.Language;
import se.somg.portal.language.Messages;

/**
 * The administrator's "Staff": every staff member with roles, second factor, last sign-in and state; inviting,
 * saving roles, deactivating and reactivating, and the newest changes with who made them.
 */
@Named("staffPage")
@ViewScoped
public class StaffPage implements Serializable {

    /** The roles an administrator gives, in the order the page shows them. */
    public static final List<Role> ROLES =
            List.of(Role.SUPPORT, Role.PRIVACY_OFFICER, Role.COMMUNICATIONS, Role.ADMINISTRATOR);

    @EJB
    private StaffAdministration administration;

    @Inject
    private Messages messages;

    @Inject
    private Language language;

    private String name;
    private String email;
    private List<String> roles = new ArrayList<>();
    /** The rows with the roles ticked on the page: kept with the view, so a save posted to any node has them. */
    private List<StaffRow> rows;

    private transient List<StaffAdministration.Change> changes;

    @PostConstruct
    void load() {
        rows = administration.members().stream().map(StaffRow::new).toList();
        changes = null;
    }

    /** A refused change shows the list as it is now. */
    void reloadAfter(@Observes(notifyObserver = Reception.IF_EXISTS) Refusal refusal) {
        load();
    }

    public void invite() {
        administration.invite(name, email, chosen(roles), language.getCode());
        messages.info(null, "staff.invited", email.strip());
        name = null;
        email = null;
        roles = new ArrayList<>();
        load();
    }

    public void saveRoles(StaffRow row) {
        administration.saveRoles(row.getId(), chosen(row.getRoles()), row.getVersion());
        messages.info(null, "staff.saved", row.getName());
        load();
    }

    public void deactivate(StaffRow row) {
        administration.deactivate(row.getId());
        messages.info(null, "staff.deactivated", row.getName());
        load();
    }

    public void reactivate(StaffRow row) {
        administration.reactivate(row.getId());
        messages.info(null, "staff.reactivated", row.getName());
        load();
    }

    public void resetSecondFactor(StaffRow row) {
        administration.resetSecondFactor(row.getId());
        messages.info(null, "staff.factorReset", row.getName());
        load();
    }

    public void resend(StaffRow row) {
        administration.resendInvitation(row.getId(), language.getCode());
        messages.info(null, "staff.resent", row.getEmail());
        load();
    }

    private static Set<Role> chosen(List<String> names) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String role : names) {
                Role parsed = Role.valueOf(role);
                if (ROLES.contains(parsed)) {
                    chosen.add(parsed);
                }
            }
        }
        return chosen;
    }

    public List<Role> getRoleChoices() {
        return ROLES;
    }

    public List<StaffRow> getRows() {
        return rows;
    }

    public List<StaffAdministration.Change> getChanges() {
        if (changes == null) {
            changes = administration.changes();
        }
        return changes;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    /** One staff member's row: what the list shows, and the roles ticked for "Save roles". */
    public static final class StaffRow implements Serializable {

        private final long id;
        private final String name;
        private final String email;
        private final boolean secondFactor;
        private final boolean setUp;
        private final OffsetDateTime lastSignIn;
        private final boolean active;
        private final long version;
        private List<String> roles;

        StaffRow(StaffAdministration.Member member) {
            id = member.id();
            name = member.name();
            email = member.email();
            secondFactor = member.secondFactor();
            setUp = member.setUp();
            lastSignIn = member.lastSignIn();
            active = member.active();
            version = member.version();
            roles = new ArrayList<>(member.roles().stream().map(Role::name).toList());
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getEmail() {
            return email;
        }

        public boolean isSecondFactor() {
            return secondFactor;
        }

        public boolean isSetUp() {
            return setUp;
        }

        public OffsetDateTime getLastSignIn() {
            return lastSignIn;
        }

        public boolean isActive() {
            return active;
        }

        public long getVersion() {
            return version;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }
    }
}

package se.somg.portal.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.database.AdvisoryLock;
import se.somg.portal.kernel.Role;

/**
 * The first administrator of a new installation. While no active administrator exists, the portal mails the address
 * in {@code portal.initial-admin-email} a one-time set-up link at start (24 hours, single use; a new one at a later
 * start once the old one has expired). Nothing secret is configured: whoever reads that mailbox chooses the password
 * and a second factor. Once an administrator exists, the setting does nothing.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
public class InitialAdministrator {

    private static final Logger LOG = Logger.getLogger(InitialAdministrator.class.getName());

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "portal.initial-admin-email", defaultValue = " ")
    private String email;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccountCreation creation;

    @Inject
    private StaffInvitations invitations;

    @Inject
    private AuditTrail audit;

    @PostConstruct
    void ensure() {
        if (email == null || email.isBlank()) {
            return;
        }
        // nodes that start together wait for each other here, so one link is sent
        AdvisoryLock.hold(em, "initial_administrator", java.time.Duration.ofMinutes(5));
        if (anActiveAdministrator()) {
            return;
        }
        Optional<Credential> existing = creation.find(email);
        if (existing.isPresent() && existing.get().isCustomer()) {
            LOG.severe("portal.initial-admin-email is a customer's address: an address is a customer's or a staff"
                    + " member's, never both. No administrator was invited.");
            return;
        }
        StaffMember member = existing.map(this::staffOf)
                .orElseGet(() -> creation.invitedStaffMember(email, "Administrator", EnumSet.of(Role.ADMINISTRATOR)));
        if (!member.hasRole(Role.ADMINISTRATOR) || !member.isActive()) {
            EnumSet<Role> roles = EnumSet.copyOf(member.getRoles());
            roles.add(Role.ADMINISTRATOR);
            member.setRoles(roles);
            member.reactivate();
        }
        em.flush();
        if (invitations.pending(member, OffsetDateTime.now(clock))) {
            LOG.info("the first administrator's set-up link was mailed before and still works");
            return;
        }
        invitations.send(member, "initialAdministrator", "sv");
        audit.record(AuditAction.STAFF_INVITED, null, StaffAdministration.subject(member) + " roles=ADMINISTRATOR");
        LOG.info("no administrator yet: a set-up link was mailed to the address in portal.initial-admin-email");
    }

    private boolean anActiveAdministrator() {
        return em.createQuery(
                                "SELECT COUNT(s) FROM StaffMember s JOIN s.roles r WHERE r = :admin AND s.active = true"
                                        + " AND s.credential.confirmedAt IS NOT NULL",
                                Long.class)
                        .setParameter("admin", Role.ADMINISTRATOR)
                        .getSingleResult()
                > 0;
    }

    private StaffMember staffOf(Credential credential) {
        return em.createNamedQuery(StaffMember.BY_CREDENTIAL, StaffMember.class)
                .setParameter("credentialId", credential.getId())
                .getSingleResult();
    }
}

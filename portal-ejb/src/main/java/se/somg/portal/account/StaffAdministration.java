package se.somg.portal.account;

import static se.somg.portal.kernel.Role.Names.ADMINISTRATOR;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.somg.portal.InvalidInput;
import se.somg.portal.PortalLanguage;
import se.somg.portal.Refusal;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.database.AdvisoryLock;
import se.somg.portal.kernel.Caller;
import se.somg.portal.kernel.PersonRules;
import se.somg.portal.kernel.Role;

/**
 * The administrator's work on staff accounts: inviting (the invitee chooses a password and a second factor from a
 * mailed link), roles, deactivating and reactivating. Each change ends the person's sessions on every node (they
 * sign in again under the new roles, or not at all) and is audited: who did what to whom, when. No customer data.
 * Changes are serialised by a PostgreSQL lock, so two administrators cannot each remove the other as the last one.
 */
@Stateless
@RolesAllowed(ADMINISTRATOR)
public class StaffAdministration {

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private AccountCreation creation;

    @Inject
    private StaffInvitations invitations;

    @Inject
    private AuditTrail audit;

    /** One staff member as the administrator's list shows them. */
    public record Member(
            long id,
            long credentialId,
            String name,
            String email,
            Set<Role> roles,
            boolean secondFactor,
            boolean setUp,
            OffsetDateTime lastSignIn,
            boolean active,
            long version)
            implements Serializable {}

    /** A change to a staff account, for the administrator's page: who did it to whom (names), what, when. */
    public record Change(OffsetDateTime at, String by, AuditAction action, String to, String detail)
            implements Serializable {}

    public List<Member> members() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT s.id, c.id, s.display_name, c.email,
                               (SELECT string_agg(r.role, ',') FROM staff_role r WHERE r.staff_member_id = s.id),
                               EXISTS (SELECT 1 FROM authenticator_app a WHERE a.credential_id = c.id AND a.enabled_at IS NOT NULL)
                                 OR EXISTS (SELECT 1 FROM passkey p WHERE p.credential_id = c.id),
                               c.confirmed_at IS NOT NULL,
                               (SELECT max(l.logged_in_at) FROM login_record l WHERE l.credential_id = c.id),
                               s.active, s.version
                        FROM staff_member s JOIN credential c ON c.id = s.credential_id
                        ORDER BY s.active DESC, s.display_name, s.id""").getResultList();
        return rows.stream()
                .map(r -> new Member(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        (String) r[2],
                        (String) r[3],
                        roles((String) r[4]),
                        (Boolean) r[5],
                        (Boolean) r[6],
                        time(r[7]),
                        (Boolean) r[8],
                        ((Number) r[9]).longValue()))
                .toList();
    }

    /**
     * @param language the language of the invitation mail
     * @return the new staff member's id
     */
    public long invite(String name, String email, Set<Role> roles, String language) {
        Map<String, String> problems = new LinkedHashMap<>();
        PersonRules.checkName(name).ifPresent(key -> problems.put("name", key));
        PersonRules.checkEmail(email).ifPresent(key -> problems.put("email", key));
        if (roles == null || roles.isEmpty()) {
            problems.put("roles", "staff.roles.required");
        } else if (roles.contains(Role.CUSTOMER)) {
            problems.put("roles", "staff.roles.invalid");
        }
        if (problems.isEmpty() && creation.exists(email)) {
            // an address is a customer's or a staff member's, never both
            problems.put("email", "staff.email.taken");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        serialise();
        StaffMember member = creation.invitedStaffMember(email, name, roles);
        em.flush();
        invitations.send(member, "staffInvitation", PortalLanguage.of(language).code());
        audit.record(AuditAction.STAFF_INVITED, null, subject(member) + " roles=" + names(roles));
        return member.getId();
    }

    /** A new set-up link for someone who has not used theirs (lost, or more than a day old); the old one stops working. */
    public void resendInvitation(long staffId, String language) {
        serialise();
        StaffMember member = find(staffId);
        if (member.getCredential().isConfirmed() || !member.isActive()) {
            throw new Refusal("staff.alreadySetUp");
        }
        invitations.send(member, "staffInvitation", PortalLanguage.of(language).code());
        audit.record(AuditAction.STAFF_INVITED, null, subject(member) + " again");
    }

    /** @param version the version the administrator saw; a member changed since is refused, not overwritten */
    public void saveRoles(long staffId, Set<Role> roles, long version) {
        serialise();
        StaffMember member = find(staffId);
        if (member.getVersion() != version) {
            throw new Refusal("staff.stale");
        }
        Set<Role> before = member.getRoles();
        StaffRules.rolesChange(isSelf(member), StaffRules.countsAsAdministrator(member), roles, activeAdministrators())
                .ifPresent(key -> {
                    throw new Refusal(key);
                });
        if (before.equals(EnumSet.copyOf(roles))) {
            return; // nothing changed: a double click
        }
        member.setRoles(roles);
        member.getCredential().endSessions();
        audit.record(
                AuditAction.STAFF_ROLES_CHANGED,
                null,
                subject(member) + " roles=" + names(roles) + " before=" + names(before));
    }

    public void deactivate(long staffId) {
        serialise();
        StaffMember member = find(staffId);
        if (!member.isActive()) {
            return;
        }
        StaffRules.deactivation(isSelf(member), StaffRules.countsAsAdministrator(member), activeAdministrators())
                .ifPresent(key -> {
                    throw new Refusal(key);
                });
        member.deactivate(OffsetDateTime.now(clock));
        // every session ends at its next request, on every node; no mailed link opens the account meanwhile
        member.getCredential().endSessions();
        invitations.revoke(member);
        audit.record(AuditAction.STAFF_DEACTIVATED, null, subject(member));
    }

    /**
     * A staff member who lost their phone and recovery codes: every second factor goes and every session ends; at the
     * next sign-in they can do nothing but enrol a new one.
     */
    public void resetSecondFactor(long staffId) {
        serialise();
        StaffMember member = find(staffId);
        if (isSelf(member)) {
            throw new Refusal("staff.self");
        }
        long id = member.getCredential().getId();
        for (String table : List.of("authenticator_app", "passkey", "recovery_code")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE credential_id = ?1")
                    .setParameter(1, id)
                    .executeUpdate();
        }
        member.getCredential().endSessions();
        audit.record(AuditAction.SECOND_FACTOR_REMOVED, null, subject(member) + " reset by an administrator");
    }

    public void reactivate(long staffId) {
        serialise();
        StaffMember member = find(staffId);
        if (member.isActive()) {
            return;
        }
        member.reactivate();
        audit.record(AuditAction.STAFF_REACTIVATED, null, subject(member));
    }

    /**
     * The newest changes to staff accounts, with the names of who did them and to whom. A customer's own second
     * factors are not the administrator's to see (need to know, policy §6).
     */
    public List<Change> changes() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT a.occurred_at, a.actor, a.action, a.detail FROM audit_event a
                        WHERE a.action = ANY(?1) AND a.customer_id IS NULL AND a.actor NOT LIKE 'CUSTOMER:%'
                        ORDER BY a.occurred_at DESC, a.id DESC LIMIT 50""")
                .setParameter(
                        1,
                        AuditAction.staffAccountChanges().stream()
                                .map(Enum::name)
                                .toArray(String[]::new))
                .getResultList();
        Map<Long, String> names = staffNames();
        return rows.stream()
                .map(r -> new Change(
                        time(r[0]),
                        nameOf(credentialIn((String) r[1], ":"), names),
                        AuditAction.valueOf((String) r[2]),
                        nameOf(credentialIn((String) r[3], "staff:"), names),
                        (String) r[3]))
                .toList();
    }

    private Map<Long, String> staffNames() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT credential_id, display_name FROM staff_member")
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> (String) r[1]));
    }

    private static Long credentialIn(String text, String marker) {
        if (text == null) {
            return null;
        }
        int at = text.indexOf(marker);
        if (at < 0) {
            return null;
        }
        String digits = text.substring(at + marker.length()).replaceAll("^(\\d+).*$", "$1");
        return digits.matches("\\d+") ? Long.valueOf(digits) : null;
    }

    private static String nameOf(Long credentialId, Map<Long, String> names) {
        return credentialId == null ? "" : names.getOrDefault(credentialId, "#" + credentialId);
    }

    private boolean isSelf(StaffMember member) {
        return member.getCredential().getId() == caller.credentialId();
    }

    private long activeAdministrators() {
        return em.createQuery(
                        "SELECT COUNT(s) FROM StaffMember s JOIN s.roles r WHERE r = :admin AND s.active = true"
                                + " AND s.credential.confirmedAt IS NOT NULL",
                        Long.class)
                .setParameter("admin", Role.ADMINISTRATOR)
                .getSingleResult();
    }

    private StaffMember find(long staffId) {
        StaffMember member = em.find(StaffMember.class, staffId, LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            throw new Refusal("staff.notFound");
        }
        return member;
    }

    private void serialise() {
        AdvisoryLock.hold(em, "staff_administration", java.time.Duration.ofSeconds(10));
    }

    /** The person changed, as the audit trail names them: their credential id, as an actor is named. */
    static String subject(StaffMember member) {
        return "staff:" + member.getCredential().getId();
    }

    private static String names(Set<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(Role::name).collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String joined) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (joined != null) {
            for (String role : joined.split(",")) {
                roles.add(Role.valueOf(role));
            }
        }
        return roles;
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Timestamp at
                ? at.toInstant().atOffset(ZoneOffset.UTC)
                : (OffsetDateTime) value;
    }
}

package se.somg.portal.account;

import static se.somg.portal.kernel.Role.Names.ADMINISTRATOR;
import static se.somg.portal.kernel.Role.Names.COMMUNICATIONS;
import static se.somg.portal.kernel.Role.Names.CUSTOMER;
import static se.somg.portal.kernel.Role.Names.ENROLLING;
import static se.somg.portal.kernel.Role.Names.PRIVACY_OFFICER;
import static se.somg.portal.kernel.Role.Names.SUPPORT;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import se.somg.portal.kernel.Caller;

/**
 * Whether a signed-in session still stands. The answer lives in PostgreSQL, not in a node, so a password change
 * on one node ends the account's sessions on every node at their next request: a session stands while it carries
 * the account's current generation, the account is not erased and, for staff, not deactivated.
 */
@Stateless
public class Sessions {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private Tokens tokens;

    @Inject
    private CallerRoles roles;

    /** Asked before the caller is known (by the authentication mechanism), so open to all: it reveals nothing. */
    @PermitAll
    public boolean stands(long credentialId, int generation) {
        List<?> rows = em.createNativeQuery("""
                        SELECT 1 FROM credential c
                        LEFT JOIN customer cu ON cu.credential_id = c.id
                        LEFT JOIN staff_member s ON s.credential_id = c.id
                        WHERE c.id = ?1 AND c.session_generation = ?2 AND cu.anonymised_at IS NULL
                          AND (s.id IS NULL OR s.active)""")
                .setParameter(1, credentialId)
                .setParameter(2, generation)
                .getResultList();
        return !rows.isEmpty();
    }

    /**
     * The roles to sign a session in again with, when the node's copy of it lost them ({@link SignedInSessions}); none when
     * the session no longer stands.
     */
    @PermitAll
    public List<String> rolesIfStands(long credentialId, int generation) {
        if (!stands(credentialId, generation)) {
            return List.of();
        }
        Credential credential = em.find(Credential.class, credentialId);
        return roles.of(credential, roles.staffOf(credential));
    }

    /** The generation a new session of this account is signed in under. */
    @PermitAll
    public int generation(long credentialId) {
        Credential credential = em.find(Credential.class, credentialId);
        return credential == null ? -1 : credential.getSessionGeneration();
    }

    /** "Log out everywhere": every session of the caller's account ends, this one too. */
    @RolesAllowed({CUSTOMER, SUPPORT, PRIVACY_OFFICER, COMMUNICATIONS, ADMINISTRATOR, ENROLLING})
    public void endAll() {
        Credential credential =
                em.find(Credential.class, caller.credentialId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        tokens.revokeAll(credential);
        // a browser marked as trusted is trusted no longer: whoever may hold one must give the second factor again
        em.createQuery("UPDATE TrustedDevice d SET d.skipsSecondFactor = false WHERE d.credential = :credential")
                .setParameter("credential", credential)
                .executeUpdate();
        credential.endSessions();
    }
}

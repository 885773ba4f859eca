package se.somg.portal.account;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import se.somg.portal.kernel.Sha256;

/**
 * The account each signed-in session was signed in to, by a hash of the session id. Payara can hand a node a
 * replicated copy of a session without one of its attributes (two requests of one session saving the same freshly
 * loaded copy at once: the second writes a placeholder for an attribute the first is still writing); the node then
 * signs the session in again from here, and only while the account's session generation is the recorded one. The
 * browser's word counts for nothing: it only names its session, as it always does. Asked before the caller is
 * known, so open to all; it reveals nothing.
 */
@Stateless
@PermitAll
public class SignedInSessions {

    @PersistenceContext
    private EntityManager em;

    /** One sign-in of a session: the account and the generation it was signed in under. */
    public record SignIn(long credentialId, int generation) {}

    public void record(String sessionId, long credentialId, int generation) {
        em.createNativeQuery("""
                        INSERT INTO signed_in_session (session_hash, credential_id, generation) VALUES (?1, ?2, ?3)
                        ON CONFLICT (session_hash) DO UPDATE
                        SET credential_id = excluded.credential_id, generation = excluded.generation,
                            created_at = now()""")
                .setParameter(1, Sha256.hex(sessionId))
                .setParameter(2, credentialId)
                .setParameter(3, generation)
                .executeUpdate();
    }

    public Optional<SignIn> of(String sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT credential_id, generation FROM signed_in_session WHERE session_hash = ?1")
                .setParameter(1, Sha256.hex(sessionId))
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new SignIn(((Number) row[0]).longValue(), ((Number) row[1]).intValue()));
    }

    public void forget(String sessionId) {
        em.createNativeQuery("DELETE FROM signed_in_session WHERE session_hash = ?1")
                .setParameter(1, Sha256.hex(sessionId))
                .executeUpdate();
    }
}

package se.somg.portal.account;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import se.somg.portal.Sweden;

/**
 * Failed sign-in attempts of an account (a wrong password or code), counted per day for its owner's sign-in history:
 * a number, nothing about who tried or from where.
 */
@Dependent
public class SignInFailures {

    @PersistenceContext
    private EntityManager em;

    public void count(long credentialId, OffsetDateTime at) {
        em.createNativeQuery("""
                        INSERT INTO sign_in_failure (credential_id, day, attempts) VALUES (?1, ?2, 1)
                        ON CONFLICT (credential_id, day) DO UPDATE SET attempts = sign_in_failure.attempts + 1""")
                .setParameter(1, credentialId)
                .setParameter(2, at.atZoneSameInstant(Sweden.ZONE).toLocalDate())
                .executeUpdate();
    }
}

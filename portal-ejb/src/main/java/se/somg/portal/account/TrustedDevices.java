package se.somg.portal.account;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The browser behind a {@code portal_device} cookie, found by the cookie's hash, when it is this account's. */
@Dependent
public class TrustedDevices {

    @PersistenceContext
    private EntityManager em;

    public Optional<TrustedDevice> of(String token, long credentialId, LockModeType lock) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return em
                .createNamedQuery(TrustedDevice.BY_TOKEN, TrustedDevice.class)
                .setParameter("hash", Tokens.hash(token))
                .setLockMode(lock)
                .getResultList()
                .stream()
                .filter(d -> d.getCredentialId() == credentialId)
                .findFirst();
    }
}

package se.somg.portal.extract;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Duration;
import se.somg.portal.account.PasswordService;
import se.somg.portal.account.SecondFactors;

/**
 * The step-up before a register extract (policy §7: we may ask you to identify yourself): the customer types
 * their password again, or a code from their authenticator app (or a recovery code), or uses their passkey, and for
 * {@link #VALID_FOR} this session may download extracts.
 */
@SessionScoped
public class PasswordCheck implements Serializable {

    public static final Duration VALID_FOR = Duration.ofMinutes(5);

    @EJB
    private PasswordService passwords;

    @EJB
    private SecondFactors secondFactors;

    private long confirmedAt;

    /** @return whether the password was right (a wrong one counts towards the login lockout) */
    public boolean confirm(char[] password) {
        if (passwords.confirmIdentity(password)) {
            confirmedAt = System.currentTimeMillis();
            return true;
        }
        confirmedAt = 0;
        return false;
    }

    /** @return whether the code was right (a wrong one counts towards the same throttle as at sign-in) */
    public boolean confirmCode(String code) {
        return confirmed(secondFactors.confirmIdentity(code));
    }

    public boolean confirmPasskey(String response, byte[] challenge) {
        return confirmed(secondFactors.confirmIdentityWithPasskey(response, challenge));
    }

    private boolean confirmed(boolean proven) {
        confirmedAt = proven ? System.currentTimeMillis() : 0;
        return proven;
    }

    public boolean isFresh() {
        return confirmedAt > 0 && System.currentTimeMillis() - confirmedAt < VALID_FOR.toMillis();
    }
}

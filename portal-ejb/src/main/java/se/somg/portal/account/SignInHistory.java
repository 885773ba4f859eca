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
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import se.somg.portal.kernel.Caller;

/**
 * The caller's own sign-ins of the last twelve months (when, how, which browser and system family, and which was
 * this browser) and the failed attempts counted per day. Older ones are deleted in the nightly housekeeping: a year is enough to
 * notice a stranger, and no longer is needed (policy §5.7).
 */
@Stateless
public class SignInHistory {

    /** How far back the history goes. */
    public static final int MONTHS = 12;

    private static final int MOST_SHOWN = 500;

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private TrustedDevices devices;

    public record SignIn(
            OffsetDateTime at, SignInMethod method, String browser, String operatingSystem, boolean thisBrowser)
            implements Serializable {}

    public record FailedDay(LocalDate day, int attempts) implements Serializable {}

    public record History(List<SignIn> signIns, List<FailedDay> failures) implements Serializable {}

    /** @param deviceToken the browser's {@code portal_device} cookie, to tell which sign-in was this browser */
    @RolesAllowed({CUSTOMER, SUPPORT, PRIVACY_OFFICER, COMMUNICATIONS, ADMINISTRATOR, ENROLLING})
    public History mine(String deviceToken) {
        long id = caller.credentialId();
        OffsetDateTime since = OffsetDateTime.now(clock).minusMonths(MONTHS);
        Long thisDevice = devices.of(deviceToken, id, LockModeType.NONE)
                .map(TrustedDevice::getId)
                .orElse(-1L);
        List<SignIn> signIns = em
                .createQuery(
                        "SELECT r FROM LoginRecord r WHERE r.credential.id = :id AND r.loggedInAt >= :since"
                                + " ORDER BY r.loggedInAt DESC, r.id DESC",
                        LoginRecord.class)
                .setParameter("id", id)
                .setParameter("since", since)
                .setMaxResults(MOST_SHOWN)
                .getResultList()
                .stream()
                .map(r -> new SignIn(
                        r.getLoggedInAt(),
                        r.getMethod(),
                        r.getBrowser(),
                        r.getOperatingSystem(),
                        thisDevice.equals(r.getTrustedDeviceId())))
                .toList();
        @SuppressWarnings("unchecked")
        List<Object[]> days = em.createNativeQuery(
                        "SELECT day, attempts FROM sign_in_failure WHERE credential_id = ?1 AND day >= ?2 ORDER BY day DESC")
                .setParameter(1, id)
                .setParameter(2, since.toLocalDate())
                .getResultList();
        return new History(
                signIns,
                days.stream()
                        .map(d -> new FailedDay(((java.sql.Date) d[0]).toLocalDate(), ((Number) d[1]).intValue()))
                        .toList());
    }

    /**
     * History older than {@value #MONTHS} months goes, in the nightly retention run's housekeeping (whose schedule the
     * operator sets, PORTAL_RETENTION_SCHEDULE).
     *
     * @return how many rows went
     */
    @PermitAll
    public int forgetOldSignIns() {
        OffsetDateTime before = OffsetDateTime.now(clock).minusMonths(MONTHS);
        return em.createNativeQuery("DELETE FROM login_record WHERE logged_in_at < ?1")
                        .setParameter(1, before)
                        .executeUpdate()
                + em.createNativeQuery("DELETE FROM sign_in_failure WHERE day < ?1")
                        .setParameter(1, before.toLocalDate())
                        .executeUpdate();
    }
}

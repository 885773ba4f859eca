package se.somg.portal.database;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import se.somg.portal.Busy;

/**
 * A PostgreSQL advisory lock held until the caller's transaction ends, taken by asking again rather than by one
 * waiting statement: every statement of the portal must answer within the datasource's short socket time-out (a
 * database that hangs is noticed in a second, see {@link SchemaMigration}), and a lock another node holds for a few
 * seconds (loading the demo data at start, say) would outlast it.
 */
public final class AdvisoryLock {

    private static final long PAUSE_MILLIS = 50;

    private AdvisoryLock() {}

    /** @throws Busy when the lock was not free within {@code patience} */
    public static void hold(EntityManager em, String name, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Object got = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext(?1))")
                    .setParameter(1, name)
                    .getSingleResult();
            if (Boolean.TRUE.equals(got)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new Busy();
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy();
            }
        }
    }
}

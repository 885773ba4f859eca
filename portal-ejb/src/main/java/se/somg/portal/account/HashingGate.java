package se.somg.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import se.somg.portal.Busy;

/**
 * Bounds the password hashing of this node to one hash per core. A PBKDF2 check costs a core for a quarter of a
 * second; a crowd of logins hashing all at once would starve every other request. Past a short wait the caller
 * is told the portal is busy ({@link Busy}) instead of queueing without end. Reentrant on its thread, so a
 * login that holds a permit may hash more than once.
 */
@ApplicationScoped
public class HashingGate {

    static final long WAIT_MILLIS = 1500;

    private final Semaphore permits =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    private final ThreadLocal<Integer> held = ThreadLocal.withInitial(() -> 0);

    public <T> T run(Supplier<T> hashing) {
        int depth = held.get();
        if (depth == 0) {
            try {
                if (!permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    throw new Busy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy();
            }
        }
        held.set(depth + 1);
        try {
            return hashing.get();
        } finally {
            held.set(depth);
            if (depth == 0) {
                held.remove();
                permits.release();
            }
        }
    }
}

package dev.streamsmustflow.recovery.platform.docker;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code docker pause} that tries again where runc could not freeze the container's cgroup in time: on
 * a busy machine (processes in uninterruptible I/O) runc gives up with "unable to freeze" and leaves the
 * container running, so nothing is frozen yet and another attempt is safe.
 */
final class Freezer {

    /** Attempts every 200 ms for ten seconds: long enough to outlast a busy moment, short next to a pause. */
    static final Duration FREEZE_WITHIN = Duration.ofSeconds(10);

    private Freezer() {
    }

    /**
     * Runs {@code pause} until it succeeds; an error other than runc's "unable to freeze" ends it at once.
     *
     * @throws IllegalStateException naming {@code container} and the last refusal when it never froze within {@code within}
     */
    static void freeze(Runnable pause, String container, Duration within) {
        AtomicReference<RuntimeException> lastRefusal = new AtomicReference<>();
        try {
            await("docker pause of " + container).atMost(within).pollInterval(Duration.ofMillis(200))
                    .pollDelay(Duration.ZERO)
                    .until(() -> {
                        try {
                            pause.run();
                            return true;
                        } catch (RuntimeException e) {
                            if (!unableToFreeze(e)) {
                                throw e;
                            }
                            lastRefusal.set(e);
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("docker pause could not freeze " + container + " within " + within + ": "
                    + lastRefusal.get().getMessage(), lastRefusal.get());
        }
    }

    static boolean unableToFreeze(Throwable error) {
        return error.getMessage() != null && error.getMessage().contains("unable to freeze");
    }
}

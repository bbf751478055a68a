package dev.streamsmustflow.recovery.platform.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** docker pause again after runc's "unable to freeze" (seen on a 2-core machine running two suites), and only then. */
class FreezerTest {

    /** What the engine answered (Debian docker.io 20.10, runc) when the freezer did not stop every process in time. */
    private static final String UNABLE_TO_FREEZE = "Status 500: {\"message\":\"Cannot pause container e6e36480c9d8: "
            + "OCI runtime pause failed: unable to freeze: unknown\"}";

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aFreezeThatRuncGaveUpOnIsTriedAgainUntilItHolds() {
        Freezer.freeze(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new InternalServerErrorException(UNABLE_TO_FREEZE);
            }
        }, "trade-stats-0", Duration.ofSeconds(10));

        assertEquals(3, attempts.get());
    }

    @Test
    void anyOtherErrorEndsItAtOnce() {
        NotFoundException gone = new NotFoundException("No such container: trade-stats-0");

        NotFoundException thrown = assertThrows(NotFoundException.class, () -> Freezer.freeze(() -> {
            attempts.incrementAndGet();
            throw gone;
        }, "trade-stats-0", Duration.ofSeconds(10)));

        assertSame(gone, thrown);
        assertEquals(1, attempts.get());
    }

    @Test
    void aContainerThatNeverFreezesIsNamedWithTheEnginesLastAnswer() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Freezer.freeze(() -> {
            attempts.incrementAndGet();
            throw new InternalServerErrorException(UNABLE_TO_FREEZE);
        }, "trade-stats-0", Duration.ofMillis(700)));

        assertTrue(error.getMessage().startsWith("docker pause could not freeze trade-stats-0 within PT0.7S: "),
                error.getMessage());
        assertTrue(error.getMessage().contains("unable to freeze"), error.getMessage());
        assertTrue(attempts.get() > 1, "tried more than once: " + attempts.get());
    }
}

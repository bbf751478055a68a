package dev.streamsmustflow.recovery.platform.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.streamsmustflow.recovery.platform.container.DockerPreflight.Availability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast answer to "can the container scenarios run here?". The mode property is this test's own,
 * so that neither the order of the tests nor a {@code -Drecovery.k3s=...} on the build's command line
 * changes what they see.
 */
class DockerPreflightTest {

    private static final Logger LOG = LoggerFactory.getLogger(DockerPreflightTest.class);
    private static final Duration PULL_TIMEOUT = Duration.ofSeconds(20);
    private static final String MODE_PROPERTY = "recovery.container-runtime-test";
    private static final List<NeededImage> IMAGES = List.of(KafkaInContainer.IMAGE);

    @AfterEach
    void clearMode() {
        System.clearProperty(MODE_PROPERTY);
    }

    @Test
    void withoutADockerDaemonTheScenariosCannotRunAndTheReasonSaysSo() {
        assumeTrue(System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock")),
                "this machine may have a Docker daemon");

        long startedAt = System.nanoTime();
        Availability availability = DockerPreflight.check(MODE_PROPERTY, IMAGES, PULL_TIMEOUT);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
        LOG.info("no Docker daemon: check answered in {} ms: {}", elapsedMs, availability.reason());

        assertFalse(availability.usable());
        assertTrue(availability.reason().contains("Docker daemon"), availability.reason());
    }

    @Test
    void skipDisablesTheScenariosWithoutAskingDocker() {
        System.setProperty(MODE_PROPERTY, "skip");

        Availability availability = DockerPreflight.check(MODE_PROPERTY, IMAGES, PULL_TIMEOUT);

        assertEquals(new Availability(false, "disabled by -D" + MODE_PROPERTY + "=skip", java.util.Map.of()), availability);
        assertFalse(DockerPreflight.required(MODE_PROPERTY));
    }

    @Test
    void requireMakesTheCallerFailInsteadOfSkip() {
        assertFalse(DockerPreflight.required(MODE_PROPERTY), "the default skips");

        System.setProperty(MODE_PROPERTY, "require");

        assertTrue(DockerPreflight.required(MODE_PROPERTY));
    }

    @Test
    void anUnknownModeIsRejectedByName() {
        System.setProperty(MODE_PROPERTY, "sometimes");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DockerPreflight.required(MODE_PROPERTY));

        assertTrue(error.getMessage().contains("'sometimes'"), error.getMessage());
    }
}

package dev.streamsmustflow.recovery.platform.k3s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.streamsmustflow.recovery.platform.k3s.ContainerRuntime.Availability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fast answer to "can the k3s scenarios run here?", on a machine without a Docker daemon. */
class ContainerRuntimeTest {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerRuntimeTest.class);
    private static final Duration PULL_TIMEOUT = Duration.ofSeconds(20);

    @AfterEach
    void clearMode() {
        System.clearProperty(ContainerRuntime.MODE_PROPERTY);
    }

    @Test
    void withoutADockerDaemonTheScenariosCannotRunAndTheReasonSaysSo() {
        assumeTrue(System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock")),
                "this machine may have a Docker daemon");

        long startedAt = System.nanoTime();
        Availability availability = ContainerRuntime.check(K3sEnvironment.IMAGES, PULL_TIMEOUT);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
        LOG.info("no Docker daemon: check answered in {} ms: {}", elapsedMs, availability.reason());

        assertFalse(availability.usable());
        assertTrue(availability.reason().contains("Docker daemon"), availability.reason());
    }

    @Test
    void skipDisablesTheScenariosWithoutAskingDocker() {
        System.setProperty(ContainerRuntime.MODE_PROPERTY, "skip");

        Availability availability = ContainerRuntime.check(K3sEnvironment.IMAGES, PULL_TIMEOUT);

        assertEquals(new Availability(false, "disabled by -Drecovery.k3s=skip"), availability);
        assertFalse(ContainerRuntime.required());
    }

    @Test
    void requireMakesTheCallerFailInsteadOfSkip() {
        assertFalse(ContainerRuntime.required(), "the default skips");

        System.setProperty(ContainerRuntime.MODE_PROPERTY, "require");

        assertTrue(ContainerRuntime.required());
    }

    @Test
    void anUnknownModeIsRejectedByName() {
        System.setProperty(ContainerRuntime.MODE_PROPERTY, "sometimes");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, ContainerRuntime::required);

        assertTrue(error.getMessage().contains("'sometimes'"), error.getMessage());
    }
}

package dev.streamsmustflow.recovery.platform.k3s;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientConfigUtils;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * Answers quickly whether container scenarios (k3s) can run on this machine, and if not, why: so that
 * a machine without Docker, or with Docker but without a reachable registry, skips them in seconds
 * instead of waiting out Testcontainers' retries.
 *
 * <p>The order matters. {@link DockerClientFactory#isDockerAvailable()} and {@code client()} start
 * Testcontainers' reaper (Ryuk), inside a container also a gateway probe, and pull their images with
 * a two-minute retry that starts over on every later call: a failed pull there surfaces as a
 * {@code ContainerLaunchException} after many minutes, not as {@code false}. So this class first only
 * asks whether a daemon answers, then makes sure every image (Testcontainers' own too) is present or
 * pullable with a short limit, and only then lets Testcontainers start.
 */
public final class ContainerRuntime {

    /** {@code skip}: never run the container scenarios; {@code require}: fail where they cannot run. */
    public static final String MODE_PROPERTY = "recovery.k3s";

    // Testcontainers tries each discovery strategy with a 10 s ping: enough for a daemon that answers.
    private static final Duration DAEMON_TIMEOUT = Duration.ofSeconds(15);
    // Starting the reaper from a local image takes a second or two; this bounds what the image check missed.
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    // What Testcontainers 2.0.5 starts on its own (RyukContainer, DockerClientFactory.TINY_IMAGE; neither
    // is public): keep in step with testcontainers.version. A stale tag costs one needless pull at most.
    static final String REAPER_IMAGE = "testcontainers/ryuk:0.14.0";
    static final String GATEWAY_PROBE_IMAGE = "alpine:3.17";

    private static final Logger LOG = LoggerFactory.getLogger(ContainerRuntime.class);

    /** Whether the scenarios can run here; {@code reason} says why not, or what they will use. */
    public record Availability(boolean usable, String reason) {
    }

    private enum Mode { AUTO, SKIP, REQUIRE }

    private ContainerRuntime() {
    }

    /** Whether the caller must fail, instead of skip, when {@link #check} finds the scenarios cannot run. */
    public static boolean required() {
        return mode() == Mode.REQUIRE;
    }

    /**
     * Finds a Docker daemon and makes sure every image is present locally, pulling what is missing.
     *
     * @param pullTimeout how long a pull may go without any word from the registry before the images
     *     count as unreachable; a pull that keeps progressing is never cut off
     */
    public static Availability check(List<String> images, Duration pullTimeout) {
        long startedAt = System.nanoTime();
        Availability availability = mode() == Mode.SKIP
                ? new Availability(false, "disabled by -D" + MODE_PROPERTY + "=skip")
                : probe(images, pullTimeout);
        LOG.info("container scenarios {} (checked in {} ms): {}", availability.usable() ? "can run" : "cannot run",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), availability.reason());
        return availability;
    }

    private static Availability probe(List<String> images, Duration pullTimeout) {
        TransportConfig daemon;
        try {
            daemon = within(DAEMON_TIMEOUT, () -> DockerClientFactory.instance().getTransportConfig());
        } catch (TimeoutException e) {
            return new Availability(false, "no Docker daemon answered within " + DAEMON_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Availability(false, "no Docker daemon is reachable: " + e.getCause().getMessage());
        }
        Optional<String> missing = missingImages(daemon, withTestcontainersOwn(images), pullTimeout);
        if (missing.isPresent()) {
            return new Availability(false, missing.get());
        }
        try {
            within(STARTUP_TIMEOUT, () -> DockerClientFactory.instance().client());
        } catch (TimeoutException e) {
            return new Availability(false, "Testcontainers did not start on the Docker daemon at "
                    + daemon.getDockerHost() + " within " + STARTUP_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Availability(false, "Testcontainers cannot use the Docker daemon at " + daemon.getDockerHost()
                    + ": " + e.getCause());
        }
        return new Availability(true, "Docker daemon at " + daemon.getDockerHost() + ", images " + images);
    }

    private static Optional<String> missingImages(TransportConfig daemon, List<String> images, Duration pullTimeout) {
        // A client of our own: Testcontainers' shared one would start the reaper before its image is here.
        DockerClient docker = DockerClientProviderStrategy.getClientForConfig(daemon);
        try {
            return new LocalImages(docker, pullTimeout).firstUnavailable(images);
        } finally {
            try {
                docker.close();
            } catch (IOException e) {
                LOG.debug("could not close the Docker client", e);
            }
        }
    }

    /** {@code images} and the ones Testcontainers itself starts before any of them, under the same conditions. */
    private static List<String> withTestcontainersOwn(List<String> images) {
        List<String> all = new ArrayList<>(images);
        if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            all.add(REAPER_IMAGE);
        }
        // A JVM inside a container may start a tiny container to find its gateway (when the bridge names none).
        if (DockerClientConfigUtils.IN_A_CONTAINER && System.getenv("TESTCONTAINERS_HOST_OVERRIDE") == null) {
            all.add(GATEWAY_PROBE_IMAGE);
        }
        return all;
    }

    /** Runs {@code task} on a daemon thread, so that a hung Docker call can neither hold the caller nor the JVM. */
    private static <T> T within(Duration timeout, Callable<T> task) throws TimeoutException, ExecutionException {
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "container-runtime-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return executor.submit(task).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        } finally {
            executor.shutdownNow();
        }
    }

    private static Mode mode() {
        String value = System.getProperty(MODE_PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto", "" -> Mode.AUTO;
            case "skip" -> Mode.SKIP;
            case "require" -> Mode.REQUIRE;
            default -> throw new IllegalArgumentException(
                    MODE_PROPERTY + " must be skip, require or auto, was '" + value + "'");
        };
    }
}

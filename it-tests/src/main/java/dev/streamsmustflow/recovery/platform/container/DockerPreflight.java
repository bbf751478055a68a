package dev.streamsmustflow.recovery.platform.container;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Answers quickly whether container scenarios (docker, k3s) can run on this machine, and if not, why: so that
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
public final class DockerPreflight {

    // Testcontainers tries each discovery strategy with a 10 s ping: enough for a daemon that answers.
    private static final Duration DAEMON_TIMEOUT = Duration.ofSeconds(15);
    // Starting the reaper from a local image takes a second or two; this bounds what the image check missed.
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    // What Testcontainers 2.0.5 starts on its own (RyukContainer, DockerClientFactory.TINY_IMAGE; neither
    // is public): keep in step with testcontainers.version. A stale tag costs one needless pull at most.
    static final String REAPER_IMAGE = "testcontainers/ryuk:0.14.0";
    static final String GATEWAY_PROBE_IMAGE = "alpine:3.17";

    private static final Logger LOG = LoggerFactory.getLogger(DockerPreflight.class);

    /**
     * Whether the scenarios can run here; {@code reason} says why not, or what they will use.
     *
     * @param images the image to run for each official name asked for: itself, or the one built offline
     */
    public record Availability(boolean usable, String reason, Map<String, String> images) {

        static Availability unusable(String reason) {
            return new Availability(false, reason, Map.of());
        }

        /** The image to run for {@code official}: itself, or what scripts/offline-images built instead. */
        public String image(String official) {
            String image = images.get(official);
            if (image == null) {
                throw new IllegalStateException("no image was checked for " + official + ": " + reason);
            }
            return image;
        }
    }

    private enum Mode { AUTO, SKIP, REQUIRE }

    private DockerPreflight() {
    }

    /**
     * Whether the caller must fail, instead of skip, when {@link #check} finds the scenarios cannot run.
     *
     * @param modeProperty the system property of the caller's platform: {@code skip}, {@code require} or {@code auto}
     */
    public static boolean required(String modeProperty) {
        return mode(modeProperty) == Mode.REQUIRE;
    }

    /**
     * Finds a Docker daemon and makes sure every image is present locally, pulling what is missing;
     * an image that {@code scripts/offline-images} built in place of an official one counts as present.
     *
     * @param modeProperty the system property of the caller's platform; {@code skip} answers without asking Docker
     * @param pullTimeout how long a pull may go without any word from the registry before the images
     *     count as unreachable; a pull that keeps progressing is never cut off
     */
    public static Availability check(String modeProperty, List<NeededImage> images, Duration pullTimeout) {
        long startedAt = System.nanoTime();
        Availability availability = mode(modeProperty) == Mode.SKIP
                ? Availability.unusable("disabled by -D" + modeProperty + "=skip")
                : probe(images, pullTimeout);
        LOG.info("container scenarios {} (checked in {} ms): {}", availability.usable() ? "can run" : "cannot run",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), availability.reason());
        return availability;
    }

    /**
     * Why {@code image} is not in the engine Testcontainers uses and cannot be pulled into it, if so: a user's image,
     * known only once a descriptor is read.
     */
    public static Optional<String> imageUnavailableBecause(String image, Duration pullTimeout) {
        return new LocalImages(DockerClientFactory.instance().client(), pullTimeout)
                .resolve(List.of(NeededImage.official(image))).problem()
                .map(problem -> problem + " (an image of your own must be in this engine, or pullable by it)");
    }

    private static Availability probe(List<NeededImage> images, Duration pullTimeout) {
        TransportConfig daemon;
        try {
            daemon = within(DAEMON_TIMEOUT, () -> DockerClientFactory.instance().getTransportConfig());
        } catch (TimeoutException e) {
            return Availability.unusable("no Docker daemon answered within " + DAEMON_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Availability.unusable("no Docker daemon is reachable: " + e.getCause().getMessage());
        }
        LocalImages.Resolution resolution = resolveImages(daemon, images, pullTimeout);
        if (resolution.problem().isPresent()) {
            return Availability.unusable(withAdvice(resolution.problem().get()));
        }
        try {
            within(STARTUP_TIMEOUT, () -> DockerClientFactory.instance().client());
        } catch (TimeoutException e) {
            return Availability.unusable("Testcontainers did not start on the Docker daemon at "
                    + daemon.getDockerHost() + " within " + STARTUP_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Availability.unusable("Testcontainers cannot use the Docker daemon at " + daemon.getDockerHost()
                    + ": " + e.getCause());
        }
        return new Availability(true, "Docker daemon at " + daemon.getDockerHost() + ", images "
                + resolution.images().values(), resolution.images());
    }

    private static LocalImages.Resolution resolveImages(TransportConfig daemon, List<NeededImage> images,
            Duration pullTimeout) {
        // A client of our own: Testcontainers' shared one would start the reaper before its image is here.
        DockerClient docker = DockerClientProviderStrategy.getClientForConfig(daemon);
        try {
            return new LocalImages(docker, pullTimeout).resolve(withTestcontainersOwn(images, docker));
        } finally {
            try {
                docker.close();
            } catch (IOException e) {
                LOG.debug("could not close the Docker client", e);
            }
        }
    }

    /** {@code images} and the ones Testcontainers itself starts before any of them, under the same conditions. */
    private static List<NeededImage> withTestcontainersOwn(List<NeededImage> images, DockerClient docker) {
        List<NeededImage> all = new ArrayList<>(images);
        if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            all.add(NeededImage.official(REAPER_IMAGE));
        }
        // A JVM inside a container starts a tiny container to find its gateway when the bridge names none.
        if (DockerClientConfigUtils.IN_A_CONTAINER && System.getenv("TESTCONTAINERS_HOST_OVERRIDE") == null
                && !bridgeHasGateway(docker)) {
            all.add(NeededImage.official(GATEWAY_PROBE_IMAGE));
        }
        return all;
    }

    /** What to do when Testcontainers' own images are the ones missing. */
    private static String withAdvice(String problem) {
        if (problem.contains(REAPER_IMAGE)) {
            return problem + " (set TESTCONTAINERS_RYUK_DISABLED=true: the harness's SessionReaper removes what a run "
                    + "leaves, as the build and ./compare do)";
        }
        if (problem.contains(GATEWAY_PROBE_IMAGE)) {
            return problem + " (Testcontainers runs it to find the Docker host from inside a container: set "
                    + "TESTCONTAINERS_HOST_OVERRIDE, or start dockerd with --bip=172.17.0.1/16 so that its bridge names a gateway)";
        }
        return problem;
    }

    private static boolean bridgeHasGateway(DockerClient docker) {
        try {
            return docker.inspectNetworkCmd().withNetworkId("bridge").exec().getIpam().getConfig().stream()
                    .anyMatch(config -> config.getGateway() != null);
        } catch (RuntimeException e) {
            return false;
        }
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

    private static Mode mode(String modeProperty) {
        String value = System.getProperty(modeProperty, "auto").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto", "" -> Mode.AUTO;
            case "skip" -> Mode.SKIP;
            case "require" -> Mode.REQUIRE;
            default -> throw new IllegalArgumentException(
                    modeProperty + " must be skip, require or auto, was '" + value + "'");
        };
    }
}

package dev.streamsmustflow.recovery.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The repository's {@code manifests/} directory, which users apply as-is: every platform takes what
 * the pods are (their termination grace period, for one) from here, not from a copy.
 */
public final class ShippedManifests {

    /** The repository's {@code manifests/} directory; the fallback suits a run from {@code it-tests/}. */
    public static final String DIRECTORY_PROPERTY = "manifests.dir";

    private static final String POD_TEMPLATE = "base/pod-template.yaml";

    private ShippedManifests() {
    }

    public static Path directory() {
        Path dir = Path.of(System.getProperty(DIRECTORY_PROPERTY, "../manifests")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the manifests directory " + dir + " does not exist (set -D"
                    + DIRECTORY_PROPERTY + "=<repository>/manifests)");
        }
        return dir;
    }

    /** The overlay directory of a variant: {@code manifests/statefulset} or {@code manifests/deployment}. */
    public static Path overlay(Variant variant) {
        return directory().resolve(switch (variant) {
            case STATEFUL_SET -> "statefulset";
            case DEPLOYMENT -> "deployment";
        });
    }

    /**
     * The pods' {@code terminationGracePeriodSeconds}: how long a graceful delete waits for the app
     * before SIGKILL, on Kubernetes and on the platforms that play it.
     */
    public static Duration terminationGrace() {
        Path file = directory().resolve(POD_TEMPLATE);
        try {
            Deployment template = new KubernetesSerialization().unmarshal(Files.readString(file), Deployment.class);
            Long seconds = template.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            if (seconds == null || seconds < 1) {
                throw new IllegalStateException(file + " sets no positive terminationGracePeriodSeconds: " + seconds);
            }
            return Duration.ofSeconds(seconds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pod template " + file, e);
        }
    }
}

package dev.streamsmustflow.recovery.deployment;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        Path dir = configuredDirectory();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the manifests directory " + dir + " does not exist (set -D"
                    + DIRECTORY_PROPERTY + "=<repository>/manifests)");
        }
        return dir;
    }

    /** Where {@code -Dmanifests.dir} says, else {@code ../manifests} (a run from {@code it-tests/}); it may not exist. */
    private static Path configuredDirectory() {
        return Path.of(System.getProperty(DIRECTORY_PROPERTY, "../manifests")).toAbsolutePath().normalize();
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
        Long seconds = podSpec().getTerminationGracePeriodSeconds();
        if (seconds == null || seconds < 1) {
            throw new IllegalStateException(POD_TEMPLATE + " sets no positive terminationGracePeriodSeconds: " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** The app container's user, filesystem, privileges, memory limit and mounts, as the pod template sets them. */
    public static PodTemplate podTemplate() {
        PodSpec pod = podSpec();
        Container app = pod.getContainers().get(0);
        SecurityContext container = app.getSecurityContext();
        Quantity memory = app.getResources().getLimits().get("memory");
        if (memory == null || pod.getSecurityContext().getRunAsUser() == null) {
            throw new IllegalStateException(POD_TEMPLATE + " must set the container's memory limit and runAsUser");
        }
        String tmpPath = mountPath(app, "tmp");
        Volume tmp = pod.getVolumes().stream().filter(volume -> "tmp".equals(volume.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException(POD_TEMPLATE + " has no volume named tmp"));
        Quantity tmpSize = tmp.getEmptyDir().getSizeLimit();
        return new PodTemplate(pod.getSecurityContext().getRunAsUser(), pod.getSecurityContext().getRunAsGroup(),
                Boolean.TRUE.equals(container.getReadOnlyRootFilesystem()),
                container.getCapabilities().getDrop().contains("ALL"),
                !Boolean.FALSE.equals(container.getAllowPrivilegeEscalation()),
                memory.getNumericalAmount().longValueExact(), mountPath(app, "state"), tmpPath,
                tmpSize.getNumericalAmount().longValueExact());
    }

    private static String mountPath(Container container, String volume) {
        return container.getVolumeMounts().stream().filter(mount -> volume.equals(mount.getName()))
                .map(VolumeMount::getMountPath).findFirst()
                .orElseThrow(() -> new IllegalStateException(POD_TEMPLATE + " mounts no volume named " + volume));
    }

    /**
     * The pod template of the manifests directory where there is one (a checkout of this repository), else the
     * one the harness's jar was built with (a build that depends on the harness).
     */
    private static PodSpec podSpec() {
        String yaml;
        Path dir = configuredDirectory();
        if (Files.isDirectory(dir) || System.getProperty(DIRECTORY_PROPERTY) != null) {
            Path file = directory().resolve(POD_TEMPLATE);
            try {
                yaml = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the pod template " + file, e);
            }
        } else {
            try (InputStream in = ShippedManifests.class.getResourceAsStream("manifests/" + POD_TEMPLATE)) {
                if (in == null) {
                    throw new IllegalStateException("no manifests directory at " + dir + " and no pod template in the "
                            + "harness's jar (set -D" + DIRECTORY_PROPERTY + "=<repository>/manifests)");
                }
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the harness's pod template", e);
            }
        }
        return new KubernetesSerialization().unmarshal(yaml, Deployment.class).getSpec().getTemplate().getSpec();
    }
}

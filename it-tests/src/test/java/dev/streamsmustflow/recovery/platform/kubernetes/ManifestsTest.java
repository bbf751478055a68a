package dev.streamsmustflow.recovery.platform.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.ShippedManifests;
import dev.streamsmustflow.recovery.deployment.Variant;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shipped overlays, rendered with kubectl as users render them, hold what docs/kubernetes.md promises. */
class ManifestsTest {

    static final String STATE_DIR = "/var/lib/trade-stats";
    static final String IMAGE = "streams-must-flow/trade-stats:0.1.0-SNAPSHOT";

    static RenderedManifests render(Variant variant) {
        return RenderedManifests.of(variant);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void declaresTheWorkloadOfItsVariant(Variant variant) {
        RenderedManifests manifests = render(variant);
        HasMetadata workload = manifests.workload();

        assertEquals(variant == Variant.STATEFUL_SET ? "StatefulSet" : "Deployment", workload.getKind());
        assertEquals("trade-stats", workload.getMetadata().getName());
        assertEquals(3, manifests.replicas());
        Map<String, String> podLabels = manifests.podTemplate().getMetadata().getLabels();
        assertEquals("trade-stats", podLabels.get("app.kubernetes.io/name"));
        assertEquals(variant == Variant.STATEFUL_SET ? "statefulset" : "deployment", podLabels.get("streams-must-flow/variant"));
        for (HasMetadata object : manifests.objects()) {
            // kubectl apply -k puts everything into the current namespace.
            assertNull(object.getMetadata().getNamespace(), object.getKind() + " must not name a namespace");
        }
    }

    @Test
    void statefulSetHasItsHeadlessServiceAndStartsPodsInParallel() {
        RenderedManifests manifests = render(Variant.STATEFUL_SET);
        StatefulSet statefulSet = manifests.one(StatefulSet.class);
        Service service = manifests.one(Service.class);

        assertEquals("trade-stats", statefulSet.getSpec().getServiceName());
        assertEquals(statefulSet.getSpec().getServiceName(), service.getMetadata().getName());
        assertEquals("None", service.getSpec().getClusterIP());
        assertEquals(manifests.podTemplate().getMetadata().getLabels(), service.getSpec().getSelector());
        assertEquals("Parallel", statefulSet.getSpec().getPodManagementPolicy());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void runsTheImageWithTheReadmesConfiguration(Variant variant) {
        RenderedManifests manifests = render(variant);
        Container app = manifests.appContainer();
        Map<String, String> env = manifests.effectiveEnv();

        assertEquals(IMAGE, app.getImage());
        assertEquals(1, app.getPorts().size());
        assertEquals("http", app.getPorts().get(0).getName());
        assertEquals(8080, app.getPorts().get(0).getContainerPort());
        assertTrue(env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").matches("[^:,\\s]+:\\d+(,[^:,\\s]+:\\d+)*"), env.toString());
        assertEquals("trade-stats", env.get("APPLICATION_ID"));
        assertEquals(STATE_DIR, env.get("STATE_DIR"));
        assertEquals(Boolean.toString(variant.staticMembershipByDefault()), env.get("STATIC_MEMBERSHIP"));
        assertTrue(Long.parseLong(env.get("SHUTDOWN_TIMEOUT_MS")) >= 1000, env.toString());
        EnvVar podName = manifests.envVar("POD_NAME");
        assertNotNull(podName, "POD_NAME must be set: static membership requires it");
        assertEquals("metadata.name", podName.getValueFrom().getFieldRef().getFieldPath());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void keepsTheStateOnAVolumeOfItsVariant(Variant variant) {
        RenderedManifests manifests = render(variant);
        String volume = mountAt(manifests.appContainer(), STATE_DIR).getName();
        PodSpec pod = manifests.podTemplate().getSpec();

        if (variant == Variant.STATEFUL_SET) {
            PersistentVolumeClaim claim = manifests.one(StatefulSet.class).getSpec().getVolumeClaimTemplates().get(0);
            assertEquals(volume, claim.getMetadata().getName());
            assertEquals(List.of("ReadWriteOnce"), claim.getSpec().getAccessModes());
            assertEquals(new Quantity("1Gi"), claim.getSpec().getResources().getRequests().get("storage"));
            assertNull(claim.getSpec().getStorageClassName(), "the cluster's default storage class");
            assertTrue(pod.getVolumes().stream().noneMatch(v -> v.getName().equals(volume)), "the claim, not a pod volume");
        } else {
            assertNotNull(volumeNamed(pod, volume).getEmptyDir(), "a Deployment's state is an emptyDir");
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void probesReadinessAndLivenessOnTheirEndpoints(Variant variant) {
        Container app = render(variant).appContainer();

        assertHttpGet(app.getReadinessProbe(), "/ready");
        assertHttpGet(app.getLivenessProbe(), "/live");
        if (app.getStartupProbe() != null) {
            assertHttpGet(app.getStartupProbe(), "/live");
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void givesTheAppMoreTimeToStopThanItsCloseTimeout(Variant variant) {
        RenderedManifests manifests = render(variant);
        long graceMs = manifests.podTemplate().getSpec().getTerminationGracePeriodSeconds() * 1000;

        long closeTimeoutMs = Long.parseLong(manifests.effectiveEnv().get("SHUTDOWN_TIMEOUT_MS"));
        assertTrue(graceMs > closeTimeoutMs, "grace " + graceMs + " ms must exceed SHUTDOWN_TIMEOUT_MS " + closeTimeoutMs);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void requestsAndLimitsResources(Variant variant) {
        var resources = render(variant).appContainer().getResources();

        assertNotNull(resources.getRequests().get("cpu"));
        assertNotNull(resources.getRequests().get("memory"));
        assertNotNull(resources.getLimits().get("memory"));
        assertTrue(Quantity.getAmountInBytes(resources.getRequests().get("memory"))
                .compareTo(Quantity.getAmountInBytes(resources.getLimits().get("memory"))) <= 0);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void passesTheRestrictedPodSecurityStandard(Variant variant) {
        RenderedManifests manifests = render(variant);
        PodSpec pod = manifests.podTemplate().getSpec();
        Container app = manifests.appContainer();

        assertEquals(List.of(), RestrictedPodSecurity.violations(pod));
        assertEquals(10001L, pod.getSecurityContext().getRunAsUser());
        assertEquals(10001L, pod.getSecurityContext().getRunAsGroup());
        assertEquals(10001L, pod.getSecurityContext().getFsGroup());
        assertEquals(Boolean.TRUE, app.getSecurityContext().getReadOnlyRootFilesystem());
        // RocksDB unpacks its native library to /tmp.
        assertNotNull(volumeNamed(pod, mountAt(app, "/tmp").getName()).getEmptyDir());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void spreadsAndDisruptsInstancesOneAtATime(Variant variant) {
        RenderedManifests manifests = render(variant);
        Map<String, String> podLabels = manifests.podTemplate().getMetadata().getLabels();
        PodDisruptionBudget budget = manifests.one(PodDisruptionBudget.class);

        assertEquals(new IntOrString(1), budget.getSpec().getMaxUnavailable());
        assertEquals(podLabels, budget.getSpec().getSelector().getMatchLabels());
        List<WeightedPodAffinityTerm> antiAffinity = manifests.podTemplate().getSpec().getAffinity()
                .getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
        assertEquals(1, antiAffinity.size());
        assertEquals("kubernetes.io/hostname", antiAffinity.get(0).getPodAffinityTerm().getTopologyKey());
        assertEquals(podLabels, antiAffinity.get(0).getPodAffinityTerm().getLabelSelector().getMatchLabels());
    }

    @Test
    void mapsEachVariantToItsOverlay() {
        assertEquals(ShippedManifests.directory().resolve("statefulset"), ShippedManifests.overlay(Variant.STATEFUL_SET));
        assertEquals(ShippedManifests.directory().resolve("deployment"), ShippedManifests.overlay(Variant.DEPLOYMENT));
    }

    @Test
    void reportsAMissingKubectlAndAKustomizeErrorWithTheirCause(@TempDir Path dir) throws IOException {
        assertTrue(Manifests.kubectlProblem(dir.resolve("no-kubectl").toString()).contains("could not be started"));

        RenderedManifests.assumeKubectl();
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [missing.yaml]\n");
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Manifests.render(dir));
        assertTrue(failure.getMessage().contains("missing.yaml"), failure.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Manifests.render(dir.resolve("absent")));
    }

    @Test
    void parsesOneDocumentAsWellAsSeveral() {
        String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n";

        assertEquals(List.of("a"), names(Manifests.parse(configMap, "one")));
        assertEquals(List.of("a", "a"), names(Manifests.parse(configMap + "---\n" + configMap, "two")));
        assertThrows(IllegalStateException.class, () -> Manifests.parse("", "none"));
    }

    private static List<String> names(List<HasMetadata> objects) {
        return objects.stream().map(object -> object.getMetadata().getName()).toList();
    }

    private static VolumeMount mountAt(Container container, String path) {
        return container.getVolumeMounts().stream().filter(mount -> path.equals(mount.getMountPath()))
                .findFirst().orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    }

    private static Volume volumeNamed(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(volume -> name.equals(volume.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no pod volume " + name));
    }

    private static void assertHttpGet(Probe probe, String path) {
        assertNotNull(probe, "no probe for " + path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals(new IntOrString("http"), probe.getHttpGet().getPort());
    }
}

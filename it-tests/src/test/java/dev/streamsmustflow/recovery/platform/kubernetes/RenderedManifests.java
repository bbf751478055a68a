package dev.streamsmustflow.recovery.platform.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamsmustflow.recovery.deployment.Variant;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/** Read access to the objects of one rendered overlay, for assertions. */
record RenderedManifests(List<HasMetadata> objects) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    // kubectl takes up to a second per run on a busy machine: every overlay is rendered once per
    // test JVM, and each test gets its own copy, so that no test can change what another one sees.
    private static final Map<Variant, List<HasMetadata>> RENDERED = new ConcurrentHashMap<>();
    private static final String KUBECTL_PROBLEM = Manifests.kubectlProblem();

    static {
        if (!KUBECTL_PROBLEM.isEmpty()) {
            // Surefire's console lists skipped tests without their reason.
            System.err.println("Skipping the tests of the manifests: kubectl not installed: " + KUBECTL_PROBLEM);
        }
    }

    /** The rendered overlay, or a skipped test that says why kubectl cannot render it. */
    static RenderedManifests of(Variant variant) {
        assumeKubectl();
        List<HasMetadata> rendered = RENDERED.computeIfAbsent(variant, Manifests::render);
        return new RenderedManifests(rendered.stream().map(SERIALIZATION::clone).toList());
    }

    static void assumeKubectl() {
        Assumptions.assumeTrue(KUBECTL_PROBLEM.isEmpty(), () -> "kubectl not installed: " + KUBECTL_PROBLEM);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        assertEquals(1, found.size(), () -> "expected one " + type.getSimpleName() + " in " + names());
        return found.get(0);
    }

    /** The StatefulSet or the Deployment. */
    HasMetadata workload() {
        List<HasMetadata> workloads = objects.stream()
                .filter(object -> object instanceof StatefulSet || object instanceof Deployment).toList();
        assertEquals(1, workloads.size(), () -> "expected one workload in " + names());
        return workloads.get(0);
    }

    PodTemplateSpec podTemplate() {
        return workload() instanceof StatefulSet statefulSet
                ? statefulSet.getSpec().getTemplate()
                : ((Deployment) workload()).getSpec().getTemplate();
    }

    Integer replicas() {
        return workload() instanceof StatefulSet statefulSet
                ? statefulSet.getSpec().getReplicas()
                : ((Deployment) workload()).getSpec().getReplicas();
    }

    Container appContainer() {
        return podTemplate().getSpec().getContainers().stream()
                .filter(container -> ManifestEdits.APP_CONTAINER.equals(container.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no container " + ManifestEdits.APP_CONTAINER));
    }

    EnvVar envVar(String name) {
        return appContainer().getEnv().stream().filter(variable -> name.equals(variable.getName()))
                .findFirst().orElse(null);
    }

    /**
     * The plain values the container sees, as the kubelet resolves them: ConfigMaps of envFrom
     * first, then the container's own env, which wins. Variables from the downward API are left out.
     */
    Map<String, String> effectiveEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : appContainer().getEnvFrom()) {
            env.putAll(configMap(source.getConfigMapRef().getName()).getData());
        }
        for (EnvVar variable : appContainer().getEnv()) {
            if (variable.getValueFrom() == null) {
                env.put(variable.getName(), variable.getValue());
            } else {
                env.remove(variable.getName());
            }
        }
        return env;
    }

    ConfigMap configMap(String name) {
        return all(ConfigMap.class).stream().filter(configMap -> name.equals(configMap.getMetadata().getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name + " in " + names()));
    }

    List<String> names() {
        return objects.stream().map(object -> object.getKind() + "/" + object.getMetadata().getName())
                .filter(Objects::nonNull).toList();
    }
}

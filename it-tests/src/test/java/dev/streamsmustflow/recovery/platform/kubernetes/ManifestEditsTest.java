package dev.streamsmustflow.recovery.platform.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamsmustflow.recovery.deployment.PodManagementPolicy;
import dev.streamsmustflow.recovery.deployment.Variant;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ManifestEditsTest {

    static final String NAMESPACE = "recovery-7";
    static final Map<String, String> SETTINGS = Map.of("PROCESSING_GUARANTEE", "at_least_once",
            "STATIC_MEMBERSHIP", "false", "KAFKA_STREAMS_SESSION_TIMEOUT_MS", "10000");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();

    static ManifestEdits aRunsEdits() {
        return new ManifestEdits()
                .withImage("streams-must-flow/trade-stats:it", "Never")
                .withNamespace(NAMESPACE)
                .withBootstrapServers("kafka:19092")
                .withApplicationId("trade-stats-run-7")
                .withReplicas(5)
                .withEnv(SETTINGS)
                .withHostAlias("kafka", "172.18.0.3");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void changesWhatARunNeeds(Variant variant) {
        RenderedManifests edited = new RenderedManifests(aRunsEdits().applyTo(ManifestsTest.render(variant).objects()));
        Map<String, String> env = edited.effectiveEnv();

        assertEquals("streams-must-flow/trade-stats:it", edited.appContainer().getImage());
        assertEquals("Never", edited.appContainer().getImagePullPolicy());
        edited.objects().forEach(object -> assertEquals(NAMESPACE, object.getMetadata().getNamespace(), object.getKind()));
        assertEquals(5, edited.replicas());
        assertEquals("kafka:19092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("trade-stats-run-7", env.get("APPLICATION_ID"));
        SETTINGS.forEach((name, value) -> assertEquals(value, env.get(name), name));
        assertEquals(List.of(new HostAlias(List.of("kafka"), "172.18.0.3")),
                edited.podTemplate().getSpec().getHostAliases());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void setsEachVariableWhereTheManifestsDefineIt(Variant variant) {
        RenderedManifests edited = new RenderedManifests(aRunsEdits().applyTo(ManifestsTest.render(variant).objects()));
        List<String> containerEnv = edited.appContainer().getEnv().stream().map(EnvVar::getName).toList();

        // Bootstrap servers and application id stay in the ConfigMap, the one place users set them.
        assertNull(edited.envVar("KAFKA_BOOTSTRAP_SERVERS"));
        assertNull(edited.envVar("APPLICATION_ID"));
        assertEquals(Set.copyOf(containerEnv).size(), containerEnv.size(), "a variable set twice: " + containerEnv);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void leavesEverythingElseAsShipped(Variant variant) {
        List<HasMetadata> shipped = ManifestsTest.render(variant).objects();
        List<HasMetadata> edited = aRunsEdits().applyTo(shipped);

        assertEquals(shipped.size(), edited.size());
        for (int i = 0; i < shipped.size(); i++) {
            assertEquals(withoutEditedFields(tree(shipped.get(i))), withoutEditedFields(tree(edited.get(i))));
        }
        Predicate<EnvVar> untouched = variable -> !SETTINGS.containsKey(variable.getName());
        assertEquals(new RenderedManifests(shipped).appContainer().getEnv().stream().filter(untouched).toList(),
                new RenderedManifests(edited).appContainer().getEnv().stream().filter(untouched).toList());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void noEditsCopyTheManifestsUnchanged(Variant variant) {
        List<HasMetadata> shipped = ManifestsTest.render(variant).objects();

        assertEquals(shipped.stream().map(ManifestEditsTest::tree).toList(),
                new ManifestEdits().applyTo(shipped).stream().map(ManifestEditsTest::tree).toList());
    }

    @Test
    void setsTheStatefulSetsPodManagementPolicy() {
        List<HasMetadata> shipped = ManifestsTest.render(Variant.STATEFUL_SET).objects();
        List<HasMetadata> edited = new ManifestEdits().withPodManagementPolicy(PodManagementPolicy.ORDERED_READY)
                .applyTo(shipped);

        StatefulSet statefulSet = edited.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast)
                .findFirst().orElseThrow();
        assertEquals("OrderedReady", statefulSet.getSpec().getPodManagementPolicy(), "the shipped value is Parallel");
    }

    @Test
    void leavesADeploymentWithoutPodManagementPolicyAsShipped() {
        List<HasMetadata> shipped = ManifestsTest.render(Variant.DEPLOYMENT).objects();

        assertEquals(shipped.stream().map(ManifestEditsTest::tree).toList(),
                new ManifestEdits().withPodManagementPolicy(PodManagementPolicy.ORDERED_READY).applyTo(shipped).stream()
                        .map(ManifestEditsTest::tree).toList());
    }

    @Test
    void neverModifiesItsInput() {
        List<HasMetadata> shipped = ManifestsTest.render(Variant.STATEFUL_SET).objects();
        List<JsonNode> before = shipped.stream().map(ManifestEditsTest::tree).toList();

        aRunsEdits().applyTo(shipped);

        assertEquals(before, shipped.stream().map(ManifestEditsTest::tree).toList());
    }

    @Test
    void rejectsWhatKubernetesWouldReject() {
        assertThrows(IllegalArgumentException.class, () -> new ManifestEdits().withNamespace("Recovery_7"));
        assertThrows(IllegalArgumentException.class, () -> new ManifestEdits().withReplicas(0));
        assertThrows(IllegalArgumentException.class, () -> new ManifestEdits().withImage("app:1", "Sometimes"));
        assertThrows(IllegalArgumentException.class, () -> new ManifestEdits().withEnv("1ST", "x"));
        assertThrows(IllegalArgumentException.class, () -> new ManifestEdits().withBootstrapServers(" "));
    }

    @Nested
    @EnableKubernetesMockClient(crud = true, https = false)
    class OnAnApiServer {

        KubernetesClient client;

        @ParameterizedTest
        @EnumSource(Variant.class)
        void createsTheEditedObjectsAndReadsThemBack(Variant variant) {
            List<HasMetadata> edited = aRunsEdits().applyTo(ManifestsTest.render(variant).objects());

            client.resourceList(edited).create();

            for (HasMetadata object : edited) {
                HasMetadata stored = client.resource(object).get();
                assertNotNull(stored, object.getKind() + " " + object.getMetadata().getName());
                assertEquals(object.getMetadata().getLabels(), stored.getMetadata().getLabels());
                assertEquals(withoutMetadata(tree(object)), withoutMetadata(tree(stored)));
            }
            assertEquals(1, variant == Variant.STATEFUL_SET
                    ? client.apps().statefulSets().inNamespace(NAMESPACE).list().getItems().size()
                    : client.apps().deployments().inNamespace(NAMESPACE).list().getItems().size());
        }
    }

    static JsonNode tree(HasMetadata object) {
        try {
            return JSON.readTree(SERIALIZATION.asJson(object));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode withoutMetadata(JsonNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove("metadata");
        return copy;
    }

    /** The object without the fields {@link #aRunsEdits()} may change. */
    private static JsonNode withoutEditedFields(JsonNode object) {
        ObjectNode copy = object.deepCopy();
        ((ObjectNode) copy.path("metadata")).remove("namespace");
        copy.remove("data");
        if (copy.path("spec").isObject()) {
            ObjectNode spec = (ObjectNode) copy.path("spec");
            spec.remove("replicas");
            if (spec.path("template").path("spec").isObject()) {
                ObjectNode pod = (ObjectNode) spec.path("template").path("spec");
                pod.remove("hostAliases");
                for (JsonNode container : pod.path("containers")) {
                    ((ObjectNode) container).remove(List.of("image", "imagePullPolicy", "env"));
                }
            }
        }
        return copy;
    }
}

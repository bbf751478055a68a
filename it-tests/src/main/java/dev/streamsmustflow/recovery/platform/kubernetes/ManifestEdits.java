package dev.streamsmustflow.recovery.platform.kubernetes;

import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.deployment.PodManagementPolicy;
import io.fabric8.kubernetes.api.builder.TypedVisitor;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpecBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The few changes a run makes to the rendered {@link Manifests}: image, namespace, Kafka, replicas,
 * settings and host aliases. They go through fabric8's builders, so everything else stays exactly
 * what users apply. The input objects are never modified; {@link #applyTo} returns edited copies.
 */
public final class ManifestEdits {

    /** The application's container in the manifests' pod template. */
    public static final String APP_CONTAINER = "trade-stats";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private String image;
    private String imagePullPolicy;
    private String namespace;
    private Integer replicas;
    private PodManagementPolicy podManagementPolicy;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, Set<String>> hostnamesByIp = new LinkedHashMap<>();

    /** The image of a local build, pulled only if the node does not have it already. */
    public ManifestEdits withImage(String image) {
        return withImage(image, "IfNotPresent");
    }

    public ManifestEdits withImage(String image, String pullPolicy) {
        this.image = requireText(image, "image");
        if (!PULL_POLICIES.contains(pullPolicy)) {
            throw new IllegalArgumentException("image pull policy must be one of " + PULL_POLICIES + ", was " + pullPolicy);
        }
        this.imagePullPolicy = pullPolicy;
        return this;
    }

    public ManifestEdits withNamespace(String namespace) {
        if (namespace == null || !DNS_LABEL.matcher(namespace).matches()) {
            throw new IllegalArgumentException("namespace must be a DNS label (a-z, 0-9, '-'), was '" + namespace + "'");
        }
        this.namespace = namespace;
        return this;
    }

    public ManifestEdits withReplicas(int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, was " + replicas);
        }
        this.replicas = replicas;
        return this;
    }

    /** The StatefulSet's {@code podManagementPolicy} (a Deployment has none: it is left alone). */
    public ManifestEdits withPodManagementPolicy(PodManagementPolicy policy) {
        this.podManagementPolicy = Objects.requireNonNull(policy, "pod management policy");
        return this;
    }

    public ManifestEdits withBootstrapServers(String bootstrapServers) {
        return withEnv(AppVariable.KAFKA_BOOTSTRAP_SERVERS.name(), requireText(bootstrapServers, "bootstrap servers"));
    }

    public ManifestEdits withApplicationId(String applicationId) {
        return withEnv(AppVariable.APPLICATION_ID.name(), requireText(applicationId, "application id"));
    }

    /** Application settings, e.g. {@link DeploymentSpec#env()}. */
    public ManifestEdits withEnv(Map<String, String> variables) {
        variables.forEach(this::withEnv);
        return this;
    }

    public ManifestEdits withEnv(String name, String value) {
        if (name == null || !ENV_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an environment variable name: '" + name + "'");
        }
        env.put(name, Objects.requireNonNull(value, name));
        return this;
    }

    /**
     * Resolves {@code hostname} to {@code ip} in the pods' /etc/hosts: pods in k3s cannot resolve
     * the Docker network aliases of the containers next to it (such as the Kafka broker).
     */
    public ManifestEdits withHostAlias(String hostname, String ip) {
        hostnamesByIp.computeIfAbsent(requireText(ip, "ip"), any -> new LinkedHashSet<>())
                .add(requireText(hostname, "hostname"));
        return this;
    }

    /** Edited copies of {@code objects}, in the same order; the objects themselves stay as they are. */
    public List<HasMetadata> applyTo(List<HasMetadata> objects) {
        // Deep copies first: a builder keeps any object it has no builder for, and setters below would reach it.
        List<HasMetadata> copies = objects.stream().map(SERIALIZATION::clone).toList();
        KubernetesListBuilder list = new KubernetesListBuilder().withItems(copies);
        EnvPlacement placement = EnvPlacement.of(list, env);
        editAppContainer(list, placement.container());
        editConfigMaps(list, placement.configMaps());
        addHostAliases(list);
        if (replicas != null) {
            setReplicas(list);
        }
        if (podManagementPolicy != null) {
            setPodManagementPolicy(list);
        }
        List<HasMetadata> edited = list.build().getItems();
        if (namespace != null) {
            edited.forEach(object -> object.getMetadata().setNamespace(namespace));
        }
        return List.copyOf(edited);
    }

    private void editAppContainer(KubernetesListBuilder list, Map<String, String> variables) {
        list.accept(new TypedVisitor<ContainerBuilder>() {
            @Override
            public void visit(ContainerBuilder container) {
                if (APP_CONTAINER.equals(container.getName())) {
                    editContainer(container, variables);
                }
            }
        });
    }

    private static void editConfigMaps(KubernetesListBuilder list, Map<String, Map<String, String>> variablesByName) {
        list.accept(new TypedVisitor<ConfigMapBuilder>() {
            @Override
            public void visit(ConfigMapBuilder configMap) {
                Map<String, String> variables = variablesByName.get(configMap.buildMetadata().getName());
                if (variables != null) {
                    configMap.addToData(variables);
                }
            }
        });
    }

    private void addHostAliases(KubernetesListBuilder list) {
        list.accept(new TypedVisitor<PodSpecBuilder>() {
            @Override
            public void visit(PodSpecBuilder pod) {
                if (pod.hasMatchingContainer(container -> APP_CONTAINER.equals(container.getName()))) {
                    hostnamesByIp.forEach((ip, hostnames) -> pod.addNewHostAlias()
                            .withIp(ip).withHostnames(new ArrayList<>(hostnames)).endHostAlias());
                }
            }
        });
    }

    private void setReplicas(KubernetesListBuilder list) {
        list.accept(new TypedVisitor<StatefulSetSpecBuilder>() {
            @Override
            public void visit(StatefulSetSpecBuilder spec) {
                if (runsApp(spec.buildTemplate())) {
                    spec.withReplicas(replicas);
                }
            }
        });
        list.accept(new TypedVisitor<DeploymentSpecBuilder>() {
            @Override
            public void visit(DeploymentSpecBuilder spec) {
                if (runsApp(spec.buildTemplate())) {
                    spec.withReplicas(replicas);
                }
            }
        });
    }

    private void setPodManagementPolicy(KubernetesListBuilder list) {
        list.accept(new TypedVisitor<StatefulSetSpecBuilder>() {
            @Override
            public void visit(StatefulSetSpecBuilder spec) {
                if (runsApp(spec.buildTemplate())) {
                    spec.withPodManagementPolicy(podManagementPolicy.field());
                }
            }
        });
    }

    private void editContainer(ContainerBuilder container, Map<String, String> variables) {
        if (image != null) {
            container.withImage(image).withImagePullPolicy(imagePullPolicy);
        }
        variables.forEach((name, value) -> {
            if (container.hasMatchingEnv(variable -> name.equals(variable.getName()))) {
                container.editMatchingEnv(variable -> name.equals(variable.getName()))
                        .withValue(value).withValueFrom(null).endEnv();
            } else {
                container.addNewEnv().withName(name).withValue(value).endEnv();
            }
        });
    }

    private static boolean runsApp(PodTemplateSpec template) {
        return template != null && template.getSpec() != null
                && template.getSpec().getContainers().stream().anyMatch(c -> APP_CONTAINER.equals(c.getName()));
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank, was '" + value + "'");
        }
        return value;
    }
}

package dev.streamsmustflow.recovery.platform.kubernetes;

import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A Kubernetes cluster and a Kafka cluster: the app's manifests are rendered from {@code manifests/},
 * edited where a run must, and applied into one namespace. The k3s and cluster platforms are this
 * class with different ways to get a cluster, a Kafka, an image and node access.
 */
public final class KubernetesPlatform implements Platform {

    /**
     * How to reach things. {@code kind} names the platform and gives its session timeout;
     * {@code podBootstrapServers} is the Kafka address as pods see it; {@code hostAliases} map names in
     * it to IPs for clusters whose pods cannot resolve them.
     */
    public record Settings(PlatformKind kind, String description, String namespace, String harnessBootstrapServers,
            String podBootstrapServers, Map<String, String> hostAliases, String image, String imagePullPolicy) {
    }

    /** What a platform can do only with signals to a container's process from its node. */
    static final Set<Capability> SIGNALLED = EnumSet.of(Capability.CRASH_POD, Capability.KILL_PROCESS_IN_PLACE,
            Capability.PAUSE_PROCESS);

    private final Settings settings;
    private final KubernetesClient client;
    private final ContainerSignals signals;
    private final Path runDir;
    private final Admin admin;
    private final List<AutoCloseable> closeWithPlatform = new ArrayList<>();

    /**
     * @param signals signals a container's process from its node, or null where the platform cannot; the
     *     {@code kind}'s capabilities say which: those of {@link #SIGNALLED} need it
     */
    public KubernetesPlatform(Settings settings, KubernetesClient client, ContainerSignals signals, Path runDir) {
        boolean signalling = !Collections.disjoint(settings.kind().capabilities(), SIGNALLED);
        if (signalling != (signals != null)) {
            throw new IllegalArgumentException("the " + settings.kind() + " platform " + (signalling
                    ? "can " + SIGNALLED + " and needs a way to signal containers on their node"
                    : "cannot " + SIGNALLED + ", yet was given a way to signal containers"));
        }
        this.settings = settings;
        this.client = client;
        this.signals = signals;
        this.runDir = runDir;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.harnessBootstrapServers()));
    }

    /** Closes {@code resource} (e.g. the containers the cluster runs in) after the platform. */
    public KubernetesPlatform closing(AutoCloseable resource) {
        closeWithPlatform.add(resource);
        return this;
    }

    @Override
    public PlatformKind kind() {
        return settings.kind();
    }

    @Override
    public String description() {
        return settings.description();
    }

    @Override
    public String bootstrapServers() {
        return settings.harnessBootstrapServers();
    }

    @Override
    public Admin admin() {
        return admin;
    }

    @Override
    public DeployedApp deploy(DeploymentSpec spec, History history) {
        if (spec.described() != null) {
            throw new UnsupportedOperationException(kind() + " does not run a described app yet (" + spec.described().name()
                    + "): the local platform does (issue 23)");
        }
        return new KubernetesDeployedApp(client, settings.namespace(), render(spec), spec, history, signals,
                runDir.resolve(spec.applicationId()).resolve("pods"));
    }

    /** The variant's manifests with this run's edits. */
    List<HasMetadata> render(DeploymentSpec spec) {
        Map<String, String> env = new LinkedHashMap<>(spec.podEnv());
        env.remove(AppVariable.APPLICATION_ID.name());
        ManifestEdits edits = new ManifestEdits()
                .withImage(settings.image(), settings.imagePullPolicy())
                .withNamespace(settings.namespace())
                .withReplicas(spec.replicas())
                .withBootstrapServers(settings.podBootstrapServers())
                .withApplicationId(spec.applicationId())
                .withEnv(env)
                .withPodManagementPolicy(spec.podManagementPolicy());
        for (Map.Entry<String, String> alias : settings.hostAliases().entrySet()) {
            edits = edits.withHostAlias(alias.getKey(), alias.getValue());
        }
        return edits.applyTo(Manifests.render(spec.variant()));
    }

    @Override
    public void close() {
        admin.close();
        client.close();
        for (AutoCloseable resource : closeWithPlatform) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + resource, e);
            }
        }
    }
}

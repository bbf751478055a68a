package dev.streamsmustflow.recovery.platform.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.streamsmustflow.recovery.deployment.PodTemplate;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.TelemetryStream;
import dev.streamsmustflow.recovery.platform.container.SessionReaper;
import dev.streamsmustflow.recovery.platform.controller.ControlledPod;
import dev.streamsmustflow.recovery.platform.controller.PodContainer;
import dev.streamsmustflow.recovery.platform.controller.PodRuntime;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.MinimumDurationRunningStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Pods as containers of the app's image, with the pod template's security in Docker terms: its user,
 * a read-only root filesystem, a {@code tmpfs} at {@code /tmp}, no capabilities, no new privileges,
 * its memory limit. A volume is a named Docker volume of the run at the state path; a restart in place
 * starts the same container again, with its filesystem.
 */
final class DockerPodRuntime implements PodRuntime {

    private static final int TELEMETRY_BUFFER_BYTES = 64 * 1024;

    private final DockerClient docker;
    private final Network network;
    private final ContainerApp app;
    private final String bootstrapServers;
    private final PodTemplate template;
    private final String volumePrefix;
    private final Path logDir;
    private final History history;
    private final int stopGraceSeconds;
    private final Map<String, GenericContainer<?>> containers = new HashMap<>();
    private final Map<String, long[]> stdoutSeen = new HashMap<>();

    /** @param volumePrefix makes the names of this deployment's volumes unique on the engine */
    DockerPodRuntime(DockerClient docker, Network network, ContainerApp app, String bootstrapServers, PodTemplate template,
            String volumePrefix, Path logDir, History history, int stopGraceSeconds) {
        this.docker = docker;
        this.network = network;
        this.app = app;
        this.bootstrapServers = bootstrapServers;
        this.template = template;
        this.volumePrefix = volumePrefix;
        this.logDir = logDir;
        this.history = history;
        this.stopGraceSeconds = stopGraceSeconds;
    }

    @Override
    public PodContainer start(ControlledPod pod, int restart, Map<String, String> env, Consumer<HistoryEvent> onTelemetry) {
        GenericContainer<?> container;
        long[] seen;
        synchronized (this) {
            container = containers.get(pod.uid());
            seen = stdoutSeen.computeIfAbsent(pod.uid(), uid -> new long[1]);
        }
        long skip;
        synchronized (seen) {
            skip = seen[0];
        }
        if (container == null) {
            container = create(pod, env);
            synchronized (this) {
                containers.put(pod.uid(), container);
            }
            container.start();
        } else {
            docker.startContainerCmd(container.getContainerId()).exec();
        }
        String id = container.getContainerId();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("containerId", id.substring(0, 12));
        fields.put("restart", restart);
        history.record(EventType.CONTAINER_STARTED, pod.name(), pod.uid(), fields);
        String logName = TelemetryStream.logName(pod.name(), pod.uid(), restart);
        PipedInputStream stdout = new PipedInputStream(TELEMETRY_BUFFER_BYTES);
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logDir, e);
        }
        DockerPodContainer run = DockerPodContainer.follow(docker, id, stopGraceSeconds, skip, seen, stdout,
                logDir.resolve(logName + ".stderr.log"));
        new TelemetryStream(pod.name(), pod.uid(), logDir.resolve(logName + ".stdout.log"), history, onTelemetry)
                .followInBackground(stdout);
        return run;
    }

    private GenericContainer<?> create(ControlledPod pod, Map<String, String> env) {
        Map<String, String> containerEnv = app.env(pod.name(), env, bootstrapServers, template.statePath());
        String volume = volumeName(pod.volume());
        ensureVolume(volume);
        @SuppressWarnings("resource") // stopped and removed by remove()
        GenericContainer<?> container = new PodContainerOf(app.image(), this::prepareVolume)
                .withNetwork(network)
                .withNetworkAliases(pod.name())
                .withEnv(containerEnv)
                // Running is enough: readiness comes from the app's telemetry, as on the local platform.
                .withStartupCheckStrategy(new MinimumDurationRunningStartupCheckStrategy(java.time.Duration.ZERO))
                .waitingFor(Wait.forListeningPorts())
                .withCreateContainerCmdModifier(create -> create
                        .withName(volumePrefix + "-" + pod.name() + "-" + pod.uid().substring(0, 8))
                        .withHostName(pod.name())
                        .withUser(template.runAsUser() + ":" + template.runAsGroup())
                        .withHostConfig(hostConfig(create.getHostConfig(), volume)));
        return container;
    }

    // Package-private for its test: the pod security in Docker terms.
    HostConfig hostConfig(HostConfig base, String volume) {
        HostConfig config = (base == null ? HostConfig.newHostConfig() : base)
                .withReadonlyRootfs(template.readOnlyRootFilesystem())
                // Not noexec, Docker's default for a tmpfs: RocksDB loads the native library it unpacks here.
                .withTmpFs(Map.of(template.tmpPath(), "rw,exec,nosuid,nodev,size=" + template.tmpSizeBytes()))
                .withMemory(template.memoryLimitBytes())
                .withMemorySwap(template.memoryLimitBytes())
                .withBinds(binds(volume));
        if (template.dropAllCapabilities()) {
            config.withCapDrop(Capability.ALL);
        }
        if (!template.allowPrivilegeEscalation()) {
            config.withSecurityOpts(List.of("no-new-privileges"));
        }
        return config;
    }

    /** Between the container's creation and its start: what the image needs of its volume. */
    private void prepareVolume(String containerId) {
        app.ownedStateDirectory().ifPresent(directory -> directory.create(docker, containerId, template.statePath(),
                template.runAsUser(), template.runAsGroup()));
    }

    /** A pod's container, its volume prepared once created, before it starts. */
    private static final class PodContainerOf extends GenericContainer<PodContainerOf> {

        private final Consumer<String> onCreated;

        PodContainerOf(String image, Consumer<String> onCreated) {
            super(DockerImageName.parse(image));
            this.onCreated = onCreated;
        }

        @Override
        protected void containerIsCreated(String containerId) {
            onCreated.accept(containerId);
        }
    }

    private List<Bind> binds(String volume) {
        List<Bind> binds = new ArrayList<>();
        binds.add(new Bind(volume, new Volume(template.statePath())));
        binds.addAll(app.mounts());
        return binds;
    }

    private void ensureVolume(String volume) {
        try {
            docker.inspectVolumeCmd(volume).exec();
        } catch (NotFoundException absent) {
            docker.createVolumeCmd().withName(volume)
                    .withLabels(Map.of(SessionReaper.SESSION_LABEL, SessionReaper.label())).exec();
        }
    }

    private String volumeName(String volume) {
        return volumePrefix + "-" + volume;
    }

    @Override
    public void remove(ControlledPod pod) {
        GenericContainer<?> container;
        synchronized (this) {
            container = containers.remove(pod.uid());
            stdoutSeen.remove(pod.uid());
        }
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public void deleteVolume(String volume) {
        try {
            docker.removeVolumeCmd(volumeName(volume)).exec();
        } catch (NotFoundException gone) {
            // Never created (a pod that did not start) or already removed.
        }
    }

    @Override
    public Path logDirectory() {
        return logDir;
    }
}

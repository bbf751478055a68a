package dev.streamsmustflow.recovery.platform.local;

import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.controller.ControlledPod;
import dev.streamsmustflow.recovery.platform.controller.PodContainer;
import dev.streamsmustflow.recovery.platform.controller.PodRuntime;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pods as child JVMs of the app jar: a volume is a directory under the run directory, a restart in
 * place is a new JVM on the same directory, and each JVM's HTTP port is chosen by the OS.
 */
final class LocalPodRuntime implements PodRuntime {

    private final String bootstrapServers;
    private final Path runDir;
    private final History history;
    private final PodJvm jvm;

    LocalPodRuntime(String bootstrapServers, Path runDir, History history, PodJvm jvm) {
        this.bootstrapServers = bootstrapServers;
        this.runDir = runDir;
        this.history = history;
        this.jvm = jvm;
    }

    @Override
    public PodContainer start(ControlledPod pod, int restart, Map<String, String> env, Consumer<HistoryEvent> onTelemetry) {
        Map<String, String> containerEnv = new LinkedHashMap<>(env);
        containerEnv.put(AppVariable.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrapServers);
        containerEnv.put(AppVariable.STATE_DIR.name(), volumeDirectory(pod.volume()).toString());
        containerEnv.put(AppVariable.HTTP_PORT.name(), "0");
        return LocalContainer.start(pod, restart, jvm, containerEnv, logDirectory(), history, onTelemetry);
    }

    @Override
    public void remove(ControlledPod pod) {
        // A process leaves nothing behind once it has ended.
    }

    @Override
    public void deleteVolume(String volume) {
        PodVolumes.delete(volumeDirectory(volume));
    }

    @Override
    public Path logDirectory() {
        return runDir.resolve("pods");
    }

    private Path volumeDirectory(String volume) {
        return runDir.resolve("volumes").resolve(volume);
    }
}

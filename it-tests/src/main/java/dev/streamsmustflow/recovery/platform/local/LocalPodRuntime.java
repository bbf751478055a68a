package dev.streamsmustflow.recovery.platform.local;

import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.controller.ControlledPod;
import dev.streamsmustflow.recovery.platform.controller.PodContainer;
import dev.streamsmustflow.recovery.platform.controller.PodRuntime;
import dev.streamsmustflow.recovery.platform.process.JarLaunch;
import dev.streamsmustflow.recovery.platform.process.AppJar;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pods as child JVMs of the app jar: a volume is a directory under the run directory, a restart in
 * place is a new JVM on the same directory, and each JVM's HTTP port is chosen by the OS. A described app runs
 * its own jar's main class with the environment its descriptor gives and the recovery agent attached.
 */
final class LocalPodRuntime implements PodRuntime {

    private final DeploymentSpec spec;
    private final String bootstrapServers;
    private final Path runDir;
    private final History history;
    private final PodJvm jvm;
    private final JarLaunch launch;

    /** @throws IllegalArgumentException when a described app's jar is not there or not runnable */
    LocalPodRuntime(DeploymentSpec spec, String bootstrapServers, Path runDir, History history, PodJvm jvm) {
        this.spec = spec;
        this.bootstrapServers = bootstrapServers;
        this.runDir = runDir;
        this.history = history;
        this.jvm = jvm;
        if (spec.described() != null) {
            if (spec.described().app().jar() == null) {
                throw new IllegalArgumentException(spec.described().name() + " gives no jar (app.jar): the local "
                        + "platform runs an app's jar");
            }
            AppJar.agent(); // fail before a pod starts when the agent is not built
            this.launch = JarLaunch.of(Path.of(spec.described().app().jar()));
        } else {
            this.launch = JarLaunch.tradeStats();
        }
    }

    @Override
    public PodContainer start(ControlledPod pod, int restart, Map<String, String> env, Consumer<HistoryEvent> onTelemetry) {
        if (spec.described() != null) {
            Map<String, String> describedEnv = spec.describedPodEnv(pod.name(), bootstrapServers,
                    volumeDirectory(pod.volume()).toString());
            return LocalContainer.start(pod, restart, jvm, launch.withAgentAs(pod.name()), describedEnv, logDirectory(),
                    history, onTelemetry);
        }
        Map<String, String> containerEnv = new LinkedHashMap<>(env);
        containerEnv.put(AppVariable.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrapServers);
        containerEnv.put(AppVariable.STATE_DIR.name(), volumeDirectory(pod.volume()).toString());
        containerEnv.put(AppVariable.HTTP_PORT.name(), "0");
        return LocalContainer.start(pod, restart, jvm, launch, containerEnv, logDirectory(), history, onTelemetry);
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

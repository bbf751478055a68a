package dev.streamsmustflow.recovery.platform.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.platform.process.JarLaunch;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a pod's container runs: an image, the environment it gets as a given pod, and the host files mounted into it
 * read-only. Trade-stats takes the controller's environment with the broker and its state path; a described app
 * takes its descriptor's, placeholders filled (its state in a directory of the volume that the harness makes its own), with the recovery agent mounted and named in {@code JAVA_TOOL_OPTIONS},
 * which every JVM reads, so that the image's own command line stays as it is.
 */
sealed interface ContainerApp {

    String image();

    /**
     * @param controllerEnv the run's settings as the controller gives them to every pod
     * @param statePath where the pod's volume is mounted
     */
    Map<String, String> env(String podName, Map<String, String> controllerEnv, String bootstrapServers, String statePath);

    List<Bind> mounts();

    /** The directory the harness makes in the pod's volume, owned by the pod's user, for an image that has none there. */
    Optional<OwnedStateDirectory> ownedStateDirectory();

    static ContainerApp tradeStats(String image) {
        return new TradeStats(image);
    }

    /** A described app's image, with the recovery agent jar at {@code agentJar} on this machine mounted. */
    static ContainerApp described(DeploymentSpec spec, String image, Path agentJar) {
        return new Described(spec, image, agentJar);
    }

    record TradeStats(String image) implements ContainerApp {

        @Override
        public Map<String, String> env(String podName, Map<String, String> controllerEnv, String bootstrapServers,
                String statePath) {
            Map<String, String> env = new LinkedHashMap<>(controllerEnv);
            env.put(AppVariable.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrapServers);
            env.put(AppVariable.STATE_DIR.name(), statePath);
            return env;
        }

        @Override
        public List<Bind> mounts() {
            return List.of();
        }

        /** None: its image has the manifests' state path, writable by the pod's user. */
        @Override
        public Optional<OwnedStateDirectory> ownedStateDirectory() {
            return Optional.empty();
        }
    }

    record Described(DeploymentSpec spec, String image, Path agentJar) implements ContainerApp {

        /** Where the agent is in the container: a path of its own, under no directory an image would use. */
        static final String AGENT_PATH = "/opt/streams-must-flow/recovery-agent.jar";
        /** Read by every JVM at start, after the options of its command line. */
        static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
        /** The app's state directory in the pod's volume: an image knows nothing of the manifests' state path. */
        static final OwnedStateDirectory STATE = new OwnedStateDirectory("streams-state");

        @Override
        public Map<String, String> env(String podName, Map<String, String> controllerEnv, String bootstrapServers,
                String statePath) {
            Map<String, String> env = new LinkedHashMap<>(spec.describedPodEnv(podName, bootstrapServers,
                    STATE.under(statePath)));
            // the app's own options stay; the agent comes after them
            env.merge(JAVA_TOOL_OPTIONS, JarLaunch.agentOption(AGENT_PATH, podName), (own, agent) -> own + " " + agent);
            return env;
        }

        @Override
        public List<Bind> mounts() {
            return List.of(new Bind(agentJar.toAbsolutePath().toString(), new Volume(AGENT_PATH), AccessMode.ro));
        }

        @Override
        public Optional<OwnedStateDirectory> ownedStateDirectory() {
            return Optional.of(STATE);
        }
    }
}

package dev.streamsmustflow.recovery.platform.kubernetes;

import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.TelemetryStream;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the log of each app container as it starts: every line goes to a file, and the app's
 * telemetry lines go into the history — the same events the local platform reads from stdout.
 */
final class PodLogFollower implements KubernetesDeployedApp.LogFollower {

    private static final Logger LOG = LoggerFactory.getLogger(PodLogFollower.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String container;
    private final Path logDir;
    private final History history;
    private final List<LogWatch> watches = new ArrayList<>();

    PodLogFollower(KubernetesClient client, String namespace, String container, Path logDir, History history) {
        this.client = client;
        this.namespace = namespace;
        this.container = container;
        this.logDir = logDir;
        this.history = history;
    }

    @Override
    public void follow(String pod, String uid, int restart) {
        LogWatch watch;
        try {
            watch = client.pods().inNamespace(namespace).withName(pod).inContainer(container).watchLog();
        } catch (RuntimeException e) {
            LOG.warn("cannot follow the log of {} (restart {}): {}", pod, restart, e.toString());
            return;
        }
        synchronized (this) {
            watches.add(watch);
        }
        Path file = logDir.resolve(TelemetryStream.logName(pod, uid, restart) + ".log");
        new TelemetryStream(pod, uid, file, history, event -> { }).followInBackground(watch.getOutput());
    }

    @Override
    public synchronized void close() {
        watches.forEach(LogWatch::close);
        watches.clear();
    }
}

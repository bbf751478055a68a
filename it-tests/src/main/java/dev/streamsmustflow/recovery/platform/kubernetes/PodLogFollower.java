package dev.streamsmustflow.recovery.platform.kubernetes;

import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.local.AppContainer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the log of each app container as it starts: every line goes to a file, and the app's
 * telemetry lines go into the history — the same events the local platform reads from stdout.
 */
final class PodLogFollower implements AutoCloseable {

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

    void follow(String pod, String uid, int restart) {
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
        Path file = logDir.resolve(pod + "-" + uid.substring(0, Math.min(8, uid.length())) + "-" + restart + ".log");
        Thread reader = new Thread(() -> copy(watch, file, pod, uid), "log-" + pod + "-" + restart);
        reader.setDaemon(true);
        reader.start();
    }

    private void copy(LogWatch watch, Path file, String pod, String uid) {
        try {
            Files.createDirectories(logDir);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8));
                    BufferedWriter out = Files.newBufferedWriter(file)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    HistoryEvent event = AppContainer.parse(line, pod, uid);
                    if (event != null) {
                        history.append(event);
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("log of {} ended: {}", pod, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        watches.forEach(LogWatch::close);
        watches.clear();
    }
}

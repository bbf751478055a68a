package dev.streamsmustflow.recovery.platform;

import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.history.TelemetryLine;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Follows the output of one run of an app container, wherever it comes from (a child process's
 * stdout, a Kubernetes log watch): every line goes to a log file as it arrives, and each telemetry
 * line of the app into the history, then to a listener (the local platform takes readiness from it).
 */
public final class TelemetryStream {

    private final String pod;
    private final String uid;
    private final Path logFile;
    private final History history;
    private final Consumer<HistoryEvent> onTelemetry;

    /** @param onTelemetry called with every telemetry event, after it was added to the history */
    public TelemetryStream(String pod, String uid, Path logFile, History history, Consumer<HistoryEvent> onTelemetry) {
        this.pod = pod;
        this.uid = uid;
        this.logFile = logFile;
        this.history = history;
        this.onTelemetry = onTelemetry;
    }

    /** A file name for one run of a pod's container: pod name, the start of its uid, the restart count. */
    public static String logName(String pod, String uid, int restart) {
        return pod + "-" + uid.substring(0, Math.min(8, uid.length())) + "-" + restart;
    }

    /** Follows {@code output} on a daemon thread until it ends. */
    public void followInBackground(InputStream output) {
        Thread reader = new Thread(() -> follow(output), "telemetry-" + logFile.getFileName());
        reader.setDaemon(true);
        reader.start();
    }

    /** Follows {@code output} until it ends (the process is gone or the watch closed). */
    public void follow(InputStream output) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                    BufferedWriter out = Files.newBufferedWriter(logFile)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    TelemetryLine.parse(line, pod, uid).ifPresent(event -> {
                        history.append(event);
                        onTelemetry.accept(event);
                    });
                }
            }
        } catch (IOException ended) {
            // The process is gone or the watch was closed; what arrived is in the log file.
        }
    }
}

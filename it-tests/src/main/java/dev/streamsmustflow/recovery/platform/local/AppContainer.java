package dev.streamsmustflow.recovery.platform.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.process.AppJar;
import dev.streamsmustflow.recovery.platform.process.ChildJvm;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One run of the application's process inside a local pod: a child JVM of the runnable jar, wrapped
 * in {@link ParentWatchdog} so that it dies with the harness. Its stdout telemetry goes to the
 * history as it arrives (and to a log file); stderr goes to a log file.
 */
public final class AppContainer {

    static final String MAIN_CLASS = "dev.streamsmustflow.tradestats.TradeStatsMain";
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final CompletableFuture<Integer> exit;

    private AppContainer(Process process, CompletableFuture<Integer> exit) {
        this.process = process;
        this.exit = exit;
    }

    /**
     * @param onTelemetry called with every telemetry event, after it was added to the history
     */
    static AppContainer start(String pod, String uid, int restart, Map<String, String> env, Path logDir, History history,
            Consumer<HistoryEvent> onTelemetry) {
        List<String> command = ChildJvm.watchdogCommand(pod, JVM_OPTIONS,
                AppJar.location() + java.io.File.pathSeparator + AppJar.harnessClasses(), MAIN_CLASS, List.of());
        String logName = pod + "-" + uid.substring(0, 8) + "-" + restart;
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectError(logDir.resolve(logName + ".stderr.log").toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("pid", process.pid());
            fields.put("restart", restart);
            history.record(HistoryEvent.PLATFORM, "container-started", pod, uid, fields);
            Thread reader = new Thread(() -> readTelemetry(process, pod, uid, logDir.resolve(logName + ".stdout.log"),
                    history, onTelemetry), "telemetry-" + logName);
            reader.setDaemon(true);
            reader.start();
            CompletableFuture<Integer> exit = process.onExit().thenApply(Process::exitValue);
            return new AppContainer(process, exit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start pod " + pod, e);
        }
    }

    private static void readTelemetry(Process process, String pod, String uid, Path log, History history,
            Consumer<HistoryEvent> onTelemetry) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter out = Files.newBufferedWriter(log)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.newLine();
                out.flush();
                HistoryEvent event = parse(line, pod, uid);
                if (event != null) {
                    history.append(event);
                    onTelemetry.accept(event);
                }
            }
        } catch (IOException e) {
            // The process is gone; what it wrote is in the log.
        }
    }

    public static HistoryEvent parse(String line, String pod, String uid) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(line);
            if (!"trade-stats".equals(json.path("source").asText())) {
                return null;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!List.of("source", "event", "time", "instance").contains(field.getKey())) {
                    fields.put(field.getKey(), JSON.treeToValue(field.getValue(), Object.class));
                }
            }
            return new HistoryEvent(json.get("time").asLong(), HistoryEvent.APP, json.get("event").asText(), pod, uid, fields);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    CompletableFuture<Integer> exit() {
        return exit;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM: the application closes cleanly within its shutdown timeout. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL. */
    void kill() {
        process.destroyForcibly();
    }
}

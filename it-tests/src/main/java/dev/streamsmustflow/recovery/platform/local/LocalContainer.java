package dev.streamsmustflow.recovery.platform.local;

import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.ProcessSignal;
import dev.streamsmustflow.recovery.platform.TelemetryStream;
import dev.streamsmustflow.recovery.platform.controller.ControlledPod;
import dev.streamsmustflow.recovery.platform.controller.PodContainer;
import dev.streamsmustflow.recovery.platform.process.AppJar;
import dev.streamsmustflow.recovery.platform.process.ChildJvm;
import dev.streamsmustflow.recovery.platform.process.JarLaunch;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of the application's process inside a local pod: a child JVM of the runnable jar, wrapped
 * in the parent watchdog so that it dies with the harness. Its stdout telemetry goes to the history
 * as it arrives (and to a log file); stderr goes to a log file.
 */
final class LocalContainer implements PodContainer {

    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    private final Process process;
    private final CompletableFuture<Integer> exit;

    private LocalContainer(Process process) {
        this.process = process;
        this.exit = process.onExit().thenApply(Process::exitValue);
    }

    /** @param onTelemetry called with every telemetry event, after it was added to the history */
    static LocalContainer start(ControlledPod pod, int restart, PodJvm jvm, JarLaunch launch, Map<String, String> env,
            Path logDir, History history, Consumer<HistoryEvent> onTelemetry) {
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        jvmOptions.addAll(jvm.options());
        jvmOptions.addAll(launch.jvmOptions());
        List<String> command = ChildJvm.watchdogCommand(pod.name(), jvmOptions,
                launch.jar() + File.pathSeparator + AppJar.harnessClasses(), launch.mainClass(), List.of());
        String logName = TelemetryStream.logName(pod.name(), pod.uid(), restart);
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
            history.record(EventType.CONTAINER_STARTED, pod.name(), pod.uid(), fields);
            new TelemetryStream(pod.name(), pod.uid(), logDir.resolve(logName + ".stdout.log"), history, onTelemetry)
                    .followInBackground(process.getInputStream());
            return new LocalContainer(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start pod " + pod.name(), e);
        }
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGTERM, through the process's handle: {@code Process.destroy} would also close our ends of its pipes, so that
     * the watchdog took its closed stdin for a dead parent and the lines the app writes while it closes were lost.
     */
    @Override
    public void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL; the lines the process wrote before it are still read to the end of its stdout. */
    @Override
    public void kill() {
        process.toHandle().destroyForcibly();
    }

    /** SIGSTOP. */
    @Override
    public void pause() {
        signal(ProcessSignal.STOP);
    }

    /** SIGCONT. */
    @Override
    public void resume() {
        signal(ProcessSignal.CONT);
    }

    @Override
    public Map<String, Object> identity() {
        return Map.of("pid", process.pid());
    }

    /** Sends a signal; the JDK sends only TERM and KILL itself, so the shell's kill sends the others. */
    private void signal(ProcessSignal signal) {
        if (signal == ProcessSignal.KILL) {
            kill();
            return;
        }
        try {
            Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal.name() + " " + process.pid())
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(SIGNAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("'kill -" + signal.name() + " " + process.pid() + "' failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send " + signal + " to pid " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + signal + " to pid " + process.pid(), e);
        }
    }
}

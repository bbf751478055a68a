package dev.streamsmustflow.recovery.platform.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM started from this JVM's classpath, wrapped in {@link ParentWatchdog} so that it dies with
 * us, with stdout and stderr in one log file.
 */
public final class ChildJvm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final int TAIL_BYTES = 8 * 1024;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread killOnExit;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        // Our own clean exit should not wait for the watchdog's graceful path.
        this.killOnExit = new Thread(process::destroyForcibly, "kill-child-" + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    public static ChildJvm launch(String name, List<String> jvmOptions, String mainClass, List<String> args, Path logFile) {
        return launch(name, jvmOptions, Map.of(), mainClass, args, logFile);
    }

    /**
     * Starts {@code mainClass} in a new JVM, with this JVM's environment plus {@code environment}.
     * {@code name} shows up in {@code ps} as the system property {@code streams-must-flow.child} and in
     * this class's log lines.
     */
    public static ChildJvm launch(String name, List<String> jvmOptions, Map<String, String> environment,
            String mainClass, List<String> args, Path logFile) {
        // Surefire and failsafe set java.class.path to the full test classpath even when they boot
        // from a manifest-only jar, so the child sees the kafka_2.13 jar and the test classes alike.
        List<String> command = watchdogCommand(name, jvmOptions, System.getProperty("java.class.path"), mainClass, args);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder
                    // The watchdog's lifeline: we hold the write end of this pipe and never write to it.
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            LOG.info("Started {} (pid {}): {}, log {}", name, process.pid(), mainClass, logFile);
            return new ChildJvm(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " (" + mainClass + ")", e);
        }
    }

    /**
     * The command line of a child JVM that runs {@code mainClass} under {@link ParentWatchdog}, with
     * {@code name} visible in {@code ps} as the system property {@code streams-must-flow.child}.
     */
    public static List<String> watchdogCommand(String name, List<String> jvmOptions, String classpath, String mainClass,
            List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.add("-Dstreams-must-flow.child=" + name);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(ParentWatchdog.class.getName());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** The java launcher of this JVM, for a child JVM of the same version. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Waits for the process to end by itself; kills it and throws if it takes longer. */
    public int awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        throw new IllegalStateException(
                name + " did not exit within " + timeout + "; killed it. Log " + logFile + ":\n" + logTail());
    }

    /**
     * SIGTERM, then SIGKILL if the process is still running after {@code grace}.
     *
     * @return whether it ended by itself within the grace period (a clean shutdown), not by SIGKILL
     */
    public boolean stop(Duration grace) {
        process.destroy();
        boolean ended = false;
        try {
            ended = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                LOG.warn("{} (pid {}) ignored SIGTERM for {}; sending SIGKILL", name, pid(), grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        return ended;
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to die", e);
        }
        releaseResources();
    }

    @Override
    public void close() {
        kill();
    }

    private void releaseResources() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shutdownAlreadyRunning) {
            // The hook runs anyway and finds the process already gone.
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("closing stdin of {}", name, e);
        }
    }

    /** The last few kilobytes of the log: enough for an exception message, never the whole file. */
    public String logTail() {
        try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
            long start = Math.max(0, channel.size() - TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
            channel.position(start);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until full or end of file
            }
            String tail = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            return start == 0 ? tail : "[...]" + tail.substring(Math.max(0, tail.indexOf('\n')));
        } catch (IOException e) {
            return "(log " + logFile + " unreadable: " + e + ")";
        }
    }
}

package dev.streamsmustflow.recovery.platform.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.streamsmustflow.recovery.platform.controller.PodContainer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One run of a pod's Docker container: started (or started again, in place) by {@link DockerPodRuntime}.
 * Its exit code comes from the engine's wait; its stdout, from the container log, goes to a telemetry
 * stream, skipping what earlier runs of the same container wrote; its stderr to a file.
 */
final class DockerPodContainer implements PodContainer {

    private final DockerClient docker;
    private final String id;
    private final int stopGraceSeconds;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private DockerPodContainer(DockerClient docker, String id, int stopGraceSeconds) {
        this.docker = docker;
        this.id = id;
        this.stopGraceSeconds = stopGraceSeconds;
    }

    /**
     * Follows a container that was just started: its exit, and its log from byte {@code stdoutSkip} of stdout on.
     *
     * @param stdout receives this run's stdout; the caller reads it as telemetry
     * @param stdoutSeen counts the stdout bytes of every run so far, for the next run to skip
     */
    static DockerPodContainer follow(DockerClient docker, String id, int stopGraceSeconds, long stdoutSkip,
            long[] stdoutSeen, PipedInputStream stdout, Path stderrLog) {
        DockerPodContainer container = new DockerPodContainer(docker, id, stopGraceSeconds);
        try {
            PipedOutputStream stdoutSink = new PipedOutputStream(stdout);
            OutputStream stderrSink = Files.newOutputStream(stderrLog, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                    .exec(new LogSplitter(stdoutSkip, stdoutSeen, stdoutSink, stderrSink));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot follow the log of container " + id, e);
        }
        Thread waiter = new Thread(() -> {
            try {
                container.exit.complete(docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode());
            } catch (RuntimeException e) {
                container.exit.completeExceptionally(new IllegalStateException("lost track of container " + id + ": " + e, e));
            }
        }, "wait-" + id.substring(0, 12));
        waiter.setDaemon(true);
        waiter.start();
        return container;
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    /** {@code docker stop}: SIGTERM, and the engine's SIGKILL only after far more than the controller waits. */
    @Override
    public void terminate() {
        quietly(() -> docker.stopContainerCmd(id).withTimeout(stopGraceSeconds).exec());
    }

    @Override
    public void kill() {
        quietly(() -> docker.killContainerCmd(id).exec());
    }

    /** {@code docker pause}: the cgroup freezer stops every process of the container. */
    @Override
    public void pause() {
        Freezer.freeze(() -> docker.pauseContainerCmd(id).exec(), id, Freezer.FREEZE_WITHIN);
    }

    @Override
    public void resume() {
        docker.unpauseContainerCmd(id).exec();
    }

    @Override
    public Map<String, Object> identity() {
        return Map.of("containerId", id.substring(0, 12));
    }

    private static void quietly(Runnable command) {
        try {
            command.run();
        } catch (NotFoundException | ConflictException gone) {
            // Already stopped or removed: nothing left to signal.
        }
    }

    /** Sends stdout past the bytes earlier runs wrote to the telemetry pipe, and stderr to its file. */
    private static final class LogSplitter extends ResultCallback.Adapter<Frame> {

        private final long[] stdoutSeen;
        private final OutputStream stdout;
        private final OutputStream stderr;
        private long toSkip;

        LogSplitter(long toSkip, long[] stdoutSeen, OutputStream stdout, OutputStream stderr) {
            this.toSkip = toSkip;
            this.stdoutSeen = stdoutSeen;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            try {
                if (frame.getStreamType() == StreamType.STDERR) {
                    stderr.write(payload);
                    stderr.flush();
                    return;
                }
                int skip = (int) Math.min(toSkip, payload.length);
                toSkip -= skip;
                if (skip < payload.length) {
                    stdout.write(payload, skip, payload.length - skip);
                    stdout.flush();
                    synchronized (stdoutSeen) {
                        stdoutSeen[0] += payload.length - skip;
                    }
                }
            } catch (IOException readerGone) {
                // The telemetry reader stopped; the rest of this run's log is not wanted.
            }
        }

        @Override
        public void onComplete() {
            closeQuietly();
            super.onComplete();
        }

        @Override
        public void onError(Throwable throwable) {
            closeQuietly();
            super.onError(throwable);
        }

        private void closeQuietly() {
            try {
                stdout.close();
            } catch (IOException ignored) {
                // nothing more to write
            }
            try {
                stderr.close();
            } catch (IOException ignored) {
                // nothing more to write
            }
        }
    }
}

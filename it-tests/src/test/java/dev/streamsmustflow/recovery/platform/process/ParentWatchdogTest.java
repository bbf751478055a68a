package dev.streamsmustflow.recovery.platform.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamsmustflow.recovery.scenario.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParentWatchdogTest {

    private static final Duration CHILD_START = Duration.ofSeconds(20);
    private static final Duration EXIT_AFTER_PARENT_GONE = Duration.ofSeconds(5);

    /** What a dying parent does to its child's stdin pipe, without dying: the test closes the pipe itself. */
    @Test
    void childExitsWhenItsStdinCloses() throws Exception {
        Path log = RunDirectory.create("watchdog-stdin").resolve("blocked-child.log");
        List<String> command = ChildJvm.watchdogCommand("blocked-child", List.of(), System.getProperty("java.class.path"),
                BlockForeverMain.class.getName(), List.of());
        Process child = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            await("child started, log " + log)
                    .atMost(CHILD_START)
                    .until(() -> Files.readString(log).contains(BlockForeverMain.STARTED));

            child.getOutputStream().close();

            await("child exited by itself, log " + log)
                    .atMost(EXIT_AFTER_PARENT_GONE)
                    .until(() -> !child.isAlive());
            assertEquals(ParentWatchdog.PARENT_GONE_EXIT_STATUS, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void grandchildDiesWhenItsParentIsKilled() throws IOException {
        Path runDir = RunDirectory.create("watchdog-sigkill");
        Path parentLog = runDir.resolve("parent.log");
        ProcessHandle grandchild = null;
        try (ChildJvm parent =
                ChildJvm.launch(
                        "killed-parent",
                        List.of(),
                        LaunchBlockedChildMain.class.getName(),
                        List.of(runDir.resolve("grandchild.log").toString()),
                        parentLog)) {
            long grandchildPid =
                    await("parent reported its child, log " + parentLog)
                            .atMost(CHILD_START)
                            .until(() -> reportedChildPid(parentLog), Optional::isPresent)
                            .orElseThrow();
            grandchild = ProcessHandle.of(grandchildPid).orElseThrow();
            ProcessHandle watched = grandchild;

            parent.kill();

            await("grandchild " + grandchildPid + " exited after its parent's SIGKILL")
                    .atMost(EXIT_AFTER_PARENT_GONE)
                    .until(() -> !watched.isAlive());
        } finally {
            if (grandchild != null && grandchild.isAlive()) {
                grandchild.destroyForcibly();
            }
        }
    }

    private static Optional<Long> reportedChildPid(Path parentLog) throws IOException {
        return Files.readAllLines(parentLog).stream()
                .filter(line -> line.startsWith(LaunchBlockedChildMain.CHILD_PID_PREFIX))
                .map(line -> Long.parseLong(line.substring(LaunchBlockedChildMain.CHILD_PID_PREFIX.length())))
                .findFirst();
    }
}

package dev.streamsmustflow.recovery.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whose CPU time a run's machine spent, on a {@code /proc} tree written by the test: the harness (pid 100) and its
 * child (a pod, pid 101), a container's process (by its cgroup) and the engine (by its command), a kernel thread,
 * and another job (a compiler, pid 300) that starts halfway. The machine has 2 cores: 200 ticks a second.
 */
class MachineUseSamplerTest {

    @TempDir
    Path proc;

    @Test
    void tellsTheHarnessAndItsChildrenTheContainersAndOtherWorkApart() throws IOException {
        machine(0, 0);
        process(1, "systemd", 0, 50, "0::/init.scope");
        process(2, "kthreadd", 0, 0, "0::/");
        process(100, "java", 1, 1_000, "0::/user.slice");
        process(101, "java", 100, 400, "0::/user.slice");
        process(200, "java", 150, 2_000, "0::/system.slice/docker-0123abcd.scope");
        process(150, "containerd-shim-runc-v2", 1, 10, "0::/system.slice/containerd.service");
        process(20, "kworker/0:1", 2, 5, "0::/");
        MachineUseSampler sampler = MachineUseSampler.unscheduled(proc, 100);

        // 10 s later: 2,000 ticks of the machine's 4,000 busy
        machine(4_000, 2_000);
        process(100, "java", 1, 1_000 + 600, "0::/user.slice");
        process(101, "java", 100, 400 + 400, "0::/user.slice");
        process(200, "java", 150, 2_000 + 500, "0::/system.slice/docker-0123abcd.scope");
        process(150, "containerd-shim-runc-v2", 1, 10 + 100, "0::/system.slice/containerd.service");
        process(20, "kworker/0:1", 2, 5 + 100, "0::/");
        process(300, "cc1 (compiler)", 1, 200, "0::/user.slice");
        sampler.sample();
        process(300, "cc1 (compiler)", 1, 200 + 100, "0::/user.slice");
        MachineUse use = sampler.stop();

        assertNull(use.unmeasured());
        assertEquals(2, use.cores());
        assertEquals(50.0, use.busyPercent(), "2,000 of 4,000 ticks");
        assertEquals(25.0, use.harnessPercent(), "the harness's 600 and its pod's 400 ticks");
        assertEquals(15.0, use.containersPercent(), "the container's 500 and the shim's 100 ticks");
        assertEquals(7.5, use.otherPercent(), "the compiler, started during the run: all its 300 ticks; not the kernel's");
        assertEquals(List.of("cc1 (compiler): 7.5 %"), use.busiestOthers());
    }

    @Test
    void aMachineWithoutProcSaysWhyItHasNoFigures() {
        MachineUse use = MachineUseSampler.unscheduled(proc.resolve("missing"), 100).stop();

        assertNull(use.otherPercent());
        assertTrue(use.unmeasured().startsWith("could not read"), use.unmeasured());
    }

    @Test
    void readsAProcessLineWhoseCommandHoldsSpacesAndParentheses() {
        ProcFiles.ProcessStat stat = ProcFiles.parse("4242 (Web (Content) 1) S 17 4242 4242 0 -1 4194560 9 0 0 0 "
                + "321 123 0 0 20 0 12 0 98765 1000 100 18446744073709551615");

        assertEquals(new ProcFiles.ProcessStat(4242, "Web (Content) 1", 17, 444, 98765), stat);
    }

    /** The machine's {@code /proc/stat}: its total and busy ticks so far, 2 cores. */
    private void machine(long total, long busy) throws IOException {
        long idle = total - busy;
        Files.writeString(proc.resolve("stat"), "cpu  " + busy + " 0 0 " + idle + " 0 0 0 0 0 0\n"
                + "cpu0 0 0 0 0 0 0 0 0 0 0\ncpu1 0 0 0 0 0 0 0 0 0 0\nintr 0\n");
    }

    /** A process with {@code ticks} of CPU time so far, started at a tick of its pid's. */
    private void process(long pid, String command, long parent, long ticks, String cgroup) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (" + command + ") S " + parent + " 1 1 0 -1 0 0 0 0 0 "
                + ticks + " 0 0 0 20 0 1 0 " + pid + " 0 0\n");
        Files.writeString(dir.resolve("cgroup"), cgroup + "\n");
    }
}

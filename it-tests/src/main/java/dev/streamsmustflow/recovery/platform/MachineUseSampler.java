package dev.streamsmustflow.recovery.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Samples the CPU time of every process from {@code /proc} once a second while a scenario runs, and tells whose it
 * was: the harness's JVM and its descendants, the container engine and its containers (by command or cgroup), the
 * kernel's threads, or anyone else ({@link MachineUse}). Processes that live less than a second between two samples
 * are missed; the machine's busy share ({@code /proc/stat}) counts them. All figures are shares of the machine's
 * CPU ticks, so the kernel's tick rate does not matter.
 */
public final class MachineUseSampler implements AutoCloseable {

    private static final long INTERVAL_MS = 1_000;
    private static final Set<String> ENGINE = Set.of("dockerd", "containerd", "containerd-shim", "containerd-shim-runc-v2",
            "runc", "docker-proxy");
    /** The kernel's thread daemon: its children are the kernel's threads. */
    private static final long KTHREADD = 2;

    enum Owner { HARNESS, CONTAINERS, KERNEL, OTHER }

    private final Path proc;
    private final long harnessPid;
    private final long startedMs = System.currentTimeMillis();
    private final Map<String, Long> lastTicks = new HashMap<>();
    private final Map<String, Owner> owners = new HashMap<>();
    private final Map<Owner, Long> ticks = new EnumMap<>(Owner.class);
    private final Map<String, Long> otherCommands = new HashMap<>();
    private final ScheduledExecutorService timer;
    private long[] firstStat;
    private String failure;
    private boolean first = true;

    private MachineUseSampler(Path proc, long harnessPid, boolean scheduled) {
        this.proc = proc;
        this.harnessPid = harnessPid;
        this.timer = scheduled ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "machine-use");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /** Starts sampling this machine, the harness being this JVM. */
    public static MachineUseSampler start() {
        MachineUseSampler sampler = new MachineUseSampler(Path.of("/proc"), ProcessHandle.current().pid(), true);
        sampler.sample();
        sampler.timer.scheduleWithFixedDelay(sampler::sample, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** A sampler of the {@code /proc} tree at {@code proc} that samples when told: for tests. */
    static MachineUseSampler unscheduled(Path proc, long harnessPid) {
        MachineUseSampler sampler = new MachineUseSampler(proc, harnessPid, false);
        sampler.sample();
        return sampler;
    }

    /** Takes a sample: the CPU ticks of every process since the last one, by owner. */
    synchronized void sample() {
        if (failure != null) {
            return;
        }
        try {
            if (firstStat == null) {
                firstStat = ProcFiles.cpuTicks(Files.readString(proc.resolve("stat")));
            }
            Map<Long, ProcFiles.ProcessStat> processes = ProcFiles.processes(proc);
            for (ProcFiles.ProcessStat process : processes.values()) {
                String key = process.pid() + "@" + process.startTicks();
                Long before = lastTicks.put(key, process.cpuTicks());
                // a process first seen after the first sample started since the one before: all its time is the run's
                long used = before != null ? process.cpuTicks() - before : first ? 0 : process.cpuTicks();
                Owner owner = owners.computeIfAbsent(key, k -> ownerOf(process, processes));
                ticks.merge(owner, used, Long::sum);
                if (owner == Owner.OTHER && used > 0) {
                    otherCommands.merge(process.command(), used, Long::sum);
                }
            }
            first = false;
        } catch (IOException | RuntimeException e) {
            failure = "could not read " + proc + ": " + e.getMessage();
        }
    }

    private Owner ownerOf(ProcFiles.ProcessStat process, Map<Long, ProcFiles.ProcessStat> processes) {
        if (process.pid() == KTHREADD || process.parentPid() == KTHREADD) {
            return Owner.KERNEL;
        }
        for (ProcFiles.ProcessStat ancestor = process; ancestor != null; ancestor = processes.get(ancestor.parentPid())) {
            if (ancestor.pid() == harnessPid) {
                return Owner.HARNESS;
            }
            if (ancestor.parentPid() == ancestor.pid()) {
                break;
            }
        }
        if (ENGINE.contains(process.command()) || ProcFiles.inContainer(proc, process.pid())) {
            return Owner.CONTAINERS;
        }
        return Owner.OTHER;
    }

    /** Stops sampling and says what the machine did meanwhile. */
    public synchronized MachineUse stop() {
        close();
        sample();
        if (failure != null) {
            return MachineUse.unmeasured(failure);
        }
        try {
            long[] last = ProcFiles.cpuTicks(Files.readString(proc.resolve("stat")));
            long total = last[0] - firstStat[0];
            if (total <= 0) {
                return MachineUse.unmeasured("no CPU time passed between the first and the last sample");
            }
            List<String> busiest = otherCommands.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(MachineUse.BUSIEST)
                    .map(command -> command.getKey() + ": " + share(command.getValue(), total) + " %").toList();
            return new MachineUse(System.currentTimeMillis() - startedMs, cores(), share(last[1] - firstStat[1], total),
                    share(ticks.getOrDefault(Owner.HARNESS, 0L), total), share(ticks.getOrDefault(Owner.CONTAINERS, 0L), total),
                    share(ticks.getOrDefault(Owner.OTHER, 0L), total), busiest, null);
        } catch (IOException | RuntimeException e) {
            return MachineUse.unmeasured("could not read " + proc.resolve("stat") + ": " + e.getMessage());
        }
    }

    private int cores() {
        try (Stream<String> lines = Files.lines(proc.resolve("stat"))) {
            return (int) lines.filter(line -> line.matches("cpu\\d+ .*")).count();
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** {@code part} of {@code total} ticks in percent, to a tenth. */
    private static double share(long part, long total) {
        return Math.round(part * 1_000.0 / total) / 10.0;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}

package dev.streamsmustflow.recovery.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** What {@link MachineUseSampler} reads from {@code /proc}: the machine's CPU ticks and every process's (proc(5)). */
final class ProcFiles {

    /** One process's line of {@code /proc/<pid>/stat}: its times in clock ticks, user and system together. */
    record ProcessStat(long pid, String command, long parentPid, long cpuTicks, long startTicks) {
    }

    private ProcFiles() {
    }

    /**
     * The machine's CPU ticks from the {@code cpu} line of {@code /proc/stat}: all of them, and those not idle (nor
     * waiting for I/O). Guest time is counted in user time already.
     *
     * @return {@code {total, busy}}
     */
    static long[] cpuTicks(String stat) {
        String line = stat.lines().filter(text -> text.startsWith("cpu ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cpu line in /proc/stat"));
        String[] fields = line.substring(4).strip().split("\\s+");
        long total = 0;
        for (int i = 0; i < Math.min(8, fields.length); i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[3]) + (fields.length > 4 ? Long.parseLong(fields[4]) : 0);
        return new long[] {total, total - idle};
    }

    /**
     * A {@code /proc/<pid>/stat} line. The command is in parentheses and may hold spaces and parentheses itself, so
     * the fields are counted from the last {@code ')'}: state, ppid, ..., utime (14th field), stime (15th),
     * starttime (22nd).
     */
    static ProcessStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        String[] after = line.substring(close + 2).strip().split("\\s+");
        // after[0] is field 3 (state): field n is after[n - 3]
        return new ProcessStat(Long.parseLong(line.substring(0, open).strip()), line.substring(open + 1, close),
                Long.parseLong(after[1]), Long.parseLong(after[11]) + Long.parseLong(after[12]), Long.parseLong(after[19]));
    }

    /** Every process under {@code proc} now, by pid; one that ends while it is read is left out. */
    static Map<Long, ProcessStat> processes(Path proc) throws IOException {
        Map<Long, ProcessStat> processes = new HashMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : entries.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                try {
                    ProcessStat process = parse(Files.readString(entry.resolve("stat")).strip());
                    processes.put(process.pid(), process);
                } catch (IOException | RuntimeException ended) {
                    // it ended between the listing and the read, or its line was cut short: its time is lost
                }
            }
        }
        return processes;
    }

    /** Whether the process runs in a container: its cgroup is Docker's, containerd's or a Kubernetes pod's. */
    static boolean inContainer(Path proc, long pid) {
        try {
            String cgroup = Files.readString(proc.resolve(Long.toString(pid)).resolve("cgroup"));
            return cgroup.contains("docker") || cgroup.contains("containerd") || cgroup.contains("kubepods");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}

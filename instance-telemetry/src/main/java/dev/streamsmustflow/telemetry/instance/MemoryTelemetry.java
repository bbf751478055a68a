package dev.streamsmustflow.telemetry.instance;

import dev.streamsmustflow.telemetry.TelemetryEvent;
import dev.streamsmustflow.telemetry.TelemetryField;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The process's memory as the kernel counts it, every {@value #PERIOD_MS} ms and once more as the
 * instance stops, as a {@code memory} event: the resident set now and its peak since the process
 * started (Linux's {@code VmRSS} and {@code VmHWM}), and the heap used and committed. Where the status
 * file does not exist (not Linux) no event is sent: a figure that was not measured is absent.
 */
public final class MemoryTelemetry implements AutoCloseable {

    public static final long PERIOD_MS = 5_000;
    public static final Path PROC_SELF_STATUS = Path.of("/proc/self/status");

    private final TelemetryLog log;
    private final Path status;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "memory-telemetry");
        thread.setDaemon(true);
        return thread;
    });

    public MemoryTelemetry(TelemetryLog log, Path status) {
        this.log = log;
        this.status = status;
        scheduler.scheduleAtFixedRate(this::report, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Sends one {@code memory} event now, if the kernel's figures can be read. */
    public void report() {
        residentKilobytes(status).ifPresent(resident -> {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            Map<TelemetryField, Object> fields = new LinkedHashMap<>();
            fields.put(TelemetryField.RESIDENT_BYTES, resident.get("VmRSS") * 1_024);
            fields.put(TelemetryField.PEAK_RESIDENT_BYTES, resident.get("VmHWM") * 1_024);
            fields.put(TelemetryField.HEAP_USED_BYTES, heap.getUsed());
            fields.put(TelemetryField.HEAP_COMMITTED_BYTES, heap.getCommitted());
            log.emit(TelemetryEvent.MEMORY, fields);
        });
    }

    /** {@code VmRSS} and {@code VmHWM} in kB from a {@code /proc/<pid>/status} file; empty if it lacks either. */
    static Optional<Map<String, Long>> residentKilobytes(Path status) {
        try {
            Map<String, Long> found = new LinkedHashMap<>();
            for (String line : Files.readAllLines(status)) {
                String[] parts = line.split("\\s+");
                if (parts.length == 3 && (parts[0].equals("VmRSS:") || parts[0].equals("VmHWM:")) && parts[2].equals("kB")) {
                    found.put(parts[0].substring(0, parts[0].length() - 1), Long.parseLong(parts[1]));
                }
            }
            return found.size() == 2 ? Optional.of(found) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        report();
    }
}

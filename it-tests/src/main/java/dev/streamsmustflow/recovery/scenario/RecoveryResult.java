package dev.streamsmustflow.recovery.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.history.OutputGap;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The machine-readable outcome of one scenario: where it ran, what was deployed and injected, the
 * recovery timeline and phases, the restores, the oracle's verdict, and the app version its pods
 * reported (null where none started). Written as JSON with the
 * schema {@value #SCHEMA}.
 */
public record RecoveryResult(
        String schema,
        String scenario,
        String platform,
        String platformDescription,
        String variant,
        String fault,
        int replicas,
        int partitions,
        Map<String, String> appSettings,
        WorkloadSpec workload,
        int tradesSent,
        RecoveryTimeline timeline,
        Map<String, Long> phasesMs,
        OutputGap outputGap,
        long recordsRestored,
        Verdict verdict,
        String podLogs,
        String history,
        String appVersion) {

    public static final String SCHEMA = "streams-must-flow/recovery-result/v1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Path writeTo(Path directory) {
        Path file = directory.resolve(scenario + ".json");
        try {
            Files.createDirectories(directory);
            JSON.writeValue(file.toFile(), this);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static RecoveryResult readFrom(Path file) {
        try {
            return JSON.readValue(file.toFile(), RecoveryResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

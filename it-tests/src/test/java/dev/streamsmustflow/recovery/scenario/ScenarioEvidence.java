package dev.streamsmustflow.recovery.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.history.RecoveryTimeline.Restore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** What a scenario left behind, read back as a user reads it: its result file and its history file. */
final class ScenarioEvidence {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioEvidence() {
    }

    /** The seed, the event-time start and where the result, the pod logs and the history are: for every failure message. */
    static String context(RecoveryResult result) {
        return "\n  seed " + result.setup().workload().seed() + ", event time start "
                + result.setup().workload().eventTimeStart() + ", result "
                + resultFile(result) + ", pod logs " + result.evidence().podLogs() + ", history "
                + result.evidence().history();
    }

    static Path resultFile(RecoveryResult result) {
        return RecoveryScenarioSuite.RESULTS.resolve(result.scenario() + ".json").toAbsolutePath();
    }

    /** The result as written to its JSON file. */
    static JsonNode resultJson(RecoveryResult result) {
        try {
            return JSON.readTree(resultFile(result).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resultFile(result), e);
        }
    }

    /** The scenario's history, as written to its JSON-lines file. */
    static List<HistoryEvent> history(RecoveryResult result) {
        Path file = Path.of(result.evidence().history());
        try (var lines = Files.lines(file)) {
            return lines.map(ScenarioEvidence::event).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static HistoryEvent event(String line) {
        try {
            return JSON.readValue(line, HistoryEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a history event: " + line, e);
        }
    }

    static long records(List<Restore> restores) {
        return restores.stream().map(Restore::records).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }
}

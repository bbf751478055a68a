package dev.streamsmustflow.recovery.report;

import static dev.streamsmustflow.recovery.report.SampleResults.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFromResultsTest {

    @Test
    void readsEveryResultOfTheDirectoryAndNothingElse(@TempDir Path directory) throws Exception {
        result("STATEFUL_SET", "POD_KILL").scenario("b-stateful-set").build().writeTo(directory);
        result("DEPLOYMENT", "POD_KILL").scenario("a-deployment").build().writeTo(directory);
        Files.writeString(directory.resolve("a-deployment.history.jsonl"), "{\"not\":\"a result\"}\n");
        Files.writeString(directory.resolve("notes.txt"), "not json");
        ReportWriter.write(directory, SampleResults.report(result("STATEFUL_SET", "POD_KILL")));
        Files.createDirectories(directory.resolve("nested.json"));

        List<RecoveryResult> results = ReportFromResults.readResults(directory);

        assertEquals(List.of("a-deployment", "b-stateful-set"), results.stream().map(RecoveryResult::scenario).toList());
        RecoveryReport report = ReportFromResults.fromDirectory(directory, "9.9.9");
        assertEquals(2, report.groups().size());
        assertEquals("9.9.9", report.environment().appVersion());
    }

    @Test
    void aDirectoryWithoutResultsHasNoneButMakesNoReport(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("a.history.jsonl"), "{}\n");

        assertEquals(List.of(), ReportFromResults.readResults(directory));
        assertEquals(List.of(), ReportFromResults.readResults(directory.resolve("missing")));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReportFromResults.fromDirectory(directory));
        assertTrue(error.getMessage().contains("no recovery results"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReportFromResults.fromDirectory(directory.resolve("missing")));
    }

    @Test
    void anUnreadableResultIsNamed(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("broken.json"), "{\"schema\": ");

        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> ReportFromResults.readResults(directory));
        assertTrue(error.getMessage().contains("broken.json"), error.getMessage());
    }
}

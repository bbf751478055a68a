package dev.streamsmustflow.recovery.scenario;

import static dev.streamsmustflow.recovery.report.SampleResults.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.Phase;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.report.SampleResults;
import dev.streamsmustflow.recovery.report.render.ReportWriter;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsEveryResultOfTheDirectoryAndNothingElse(@TempDir Path directory) throws Exception {
        ResultFiles.write(result("STATEFUL_SET", "POD_KILL").scenario("b-stateful-set").build(), directory);
        ResultFiles.write(result("DEPLOYMENT", "POD_KILL").scenario("a-deployment").build(), directory);
        Files.writeString(directory.resolve("a-deployment.history.jsonl"), "{\"not\":\"a result\"}\n");
        Files.writeString(directory.resolve("notes.txt"), "not json");
        ReportWriter.write(directory, SampleResults.report(result("STATEFUL_SET", "POD_KILL")));
        Files.createDirectories(directory.resolve("nested.json"));

        List<RecoveryResult> results = ResultFiles.readAll(directory);

        assertEquals(List.of("a-deployment", "b-stateful-set"), results.stream().map(RecoveryResult::scenario).toList());
    }

    @Test
    void aResultReadsBackAsWritten(@TempDir Path directory) {
        RecoveryResult written = result("DEPLOYMENT", "POD_DELETE").guarantee("at_least_once").restored(123, 45).build();

        ResultFiles.write(written, directory);

        assertEquals(List.of(written), ResultFiles.readAll(directory));
    }

    @Test
    void aDirectoryWithoutResultsHasNone(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("a.history.jsonl"), "{}\n");

        assertEquals(List.of(), ResultFiles.readAll(directory));
        assertEquals(List.of(), ResultFiles.readAll(directory.resolve("missing")));
    }

    @Test
    void anUnreadableResultIsNamed(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("broken.json"), "{\"schema\": ");

        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> ResultFiles.readAll(directory));
        assertTrue(error.getMessage().contains("broken.json"), error.getMessage());
    }

    /**
     * A result written before the harness was split into packages (a Deployment POD_DELETE of
     * {@code ./mvnw verify}, committed as it was): it still reads, and writes back every field it had
     * with the same value; what was added since (a restore's kind, further verdict counts) comes on top.
     */
    @Test
    void aResultOfTheFirstV1WriterStillReadsAndWritesBackTheSame(@TempDir Path directory) throws Exception {
        JsonNode original;
        try (InputStream in = getClass().getResourceAsStream("v1-result.json")) {
            original = JSON.readTree(in);
        }
        Files.writeString(directory.resolve("old.json"), original.toString());

        RecoveryResult result = ResultFiles.readAll(directory).get(0);

        assertEquals(Variant.DEPLOYMENT, result.setup().variant());
        assertEquals(Fault.POD_DELETE, result.setup().fault());
        assertEquals(ProcessingGuarantee.EXACTLY_ONCE_V2, result.guarantee());
        assertEquals(Validity.VALID, result.verdict().validity());
        assertEquals(original.path("phasesMs").path("timeToCaughtUp").asLong(), result.phase(Phase.TIME_TO_CAUGHT_UP));
        assertEquals(original.path("recordsRestored").asLong(), result.measurements().recordsRestored());
        JsonNode rewritten = JSON.readTree(Files.readString(ResultFiles.write(result, directory.resolve("new"))));
        assertContains(original, rewritten, "");
    }

    /** Every field of {@code original}, at any depth, is in {@code rewritten} with the same value. */
    private static void assertContains(JsonNode original, JsonNode rewritten, String path) {
        if (original.isObject()) {
            original.properties().forEach(field -> assertContains(field.getValue(), rewritten.path(field.getKey()),
                    path + "/" + field.getKey()));
        } else if (original.isArray()) {
            assertEquals(original.size(), rewritten.size(), path);
            for (int i = 0; i < original.size(); i++) {
                assertContains(original.get(i), rewritten.get(i), path + "/" + i);
            }
        } else {
            assertEquals(original, rewritten, path);
        }
    }
}

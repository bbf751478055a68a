package dev.streamsmustflow.recovery.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Results as files: {@code <scenario>.json} in a results directory, written by scenarios, read by reports. */
public final class ResultFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // a newer v1 result with more fields must still make a report
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultFiles() {
    }

    public static Path write(RecoveryResult result, Path directory) {
        Path file = directory.resolve(result.scenario() + ".json");
        try {
            Files.createDirectories(directory);
            JSON.writeValue(file.toFile(), result);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Every {@code *.json} file of the directory (not its subdirectories) whose schema is
     * {@value RecoveryResult#SCHEMA}, in file-name order; none when the directory does not exist, so
     * that a caller can tell "no scenario ran" apart from a broken result. Histories
     * ({@code *.history.jsonl}) are no {@code *.json}; other JSON, such as a {@code report.json}
     * written into the same directory, is skipped.
     *
     * @throws UncheckedIOException naming the file that cannot be read
     */
    public static List<RecoveryResult> readAll(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<RecoveryResult> results = new ArrayList<>();
        for (Path file : jsonFiles(directory)) {
            try {
                JsonNode tree = JSON.readTree(file.toFile());
                if (RecoveryResult.SCHEMA.equals(tree.path("schema").asText())) {
                    results.add(JSON.treeToValue(tree, RecoveryResult.class));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the result " + file.toAbsolutePath(), e);
            }
        }
        return List.copyOf(results);
    }

    private static List<Path> jsonFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json") && Files.isRegularFile(file))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory.toAbsolutePath(), e);
        }
    }
}

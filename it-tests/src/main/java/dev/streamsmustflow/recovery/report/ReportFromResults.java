package dev.streamsmustflow.recovery.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds the report of a run from the RecoveryResult files its scenarios wrote into one directory. */
public final class ReportFromResults {

    private static final ObjectMapper JSON = new ObjectMapper()
            // a newer v1 result with more fields must still make a report
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportFromResults() {
    }

    /**
     * The report of every result in {@code resultsDir}, described on this machine, with the app
     * version the pods reported (the harness's own where none did).
     *
     * @throws IllegalArgumentException when the directory holds no result or does not exist
     */
    public static RecoveryReport fromDirectory(Path resultsDir) {
        return of(nonEmptyResults(resultsDir));
    }

    /** As {@link #fromDirectory(Path)}, with the app version given. */
    public static RecoveryReport fromDirectory(Path resultsDir, String appVersion) {
        List<RecoveryResult> results = nonEmptyResults(resultsDir);
        return RecoveryReport.of(results, Environment.describe(results, appVersion));
    }

    private static List<RecoveryResult> nonEmptyResults(Path resultsDir) {
        List<RecoveryResult> results = readResults(resultsDir);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no recovery results (*.json with schema " + RecoveryResult.SCHEMA + ") in "
                    + resultsDir.toAbsolutePath());
        }
        return results;
    }

    /** The report of {@code results}, which must not be empty. */
    public static RecoveryReport of(List<RecoveryResult> results) {
        String reported = results.stream().map(RecoveryResult::appVersion)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return RecoveryReport.of(results, Environment.describe(results, reported != null ? reported : harnessVersion()));
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
    public static List<RecoveryResult> readResults(Path resultsDir) {
        if (!Files.isDirectory(resultsDir)) {
            return List.of();
        }
        List<RecoveryResult> results = new ArrayList<>();
        for (Path file : jsonFiles(resultsDir)) {
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

    /**
     * The project version from the harness jar's Maven metadata: the app is built from the same
     * version. Running from classes (an IDE, surefire) there is none: "unknown".
     */
    static String harnessVersion() {
        return Environment.versionIn("/META-INF/maven/dev.streamsmustflow/recovery-harness/pom.properties");
    }
}

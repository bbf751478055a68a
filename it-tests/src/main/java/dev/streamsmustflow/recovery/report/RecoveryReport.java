package dev.streamsmustflow.recovery.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.streamsmustflow.recovery.platform.ClasspathVersions;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The comparative report of a run, the model of {@code report.json} (schema {@value #SCHEMA}):
 * <ul>
 * <li>{@code environment}: what a reader needs to reproduce the run ({@link Environment});
 * <li>{@code groups}: one per platform × variant × fault × processing guarantee × independent
 * settings × state size, with the spread of every recovery phase over the repetitions, the records
 * restored and the worst verdict ({@link ReportGroup});
 * <li>{@code restoreScaling}: restore time against records restored, with a fitted line per variant
 * ({@link RestoreScaling});
 * <li>{@code conclusion}: sentences computed from the numbers above.
 * </ul>
 * All durations are milliseconds. The report is a function of the results and the environment: the
 * same inputs give the same file.
 */
public record RecoveryReport(
        String schema,
        String title,
        Environment environment,
        List<ReportGroup> groups,
        RestoreScaling restoreScaling,
        List<String> conclusion) {

    public static final String SCHEMA = "streams-must-flow/recovery-report/v1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // a later v1 may add fields; a baseline written by it must still read
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The report of {@code results}, which must not be empty, described on this machine, with the app
     * version the pods reported (the harness's own where none did).
     */
    public static RecoveryReport of(List<RecoveryResult> results) {
        List<RecoveryResult> ordered = inOrder(results);
        String reported = ordered.stream().map(result -> result.evidence().appVersion())
                .filter(Objects::nonNull).findFirst().orElse(null);
        return of(ordered, Environment.describe(ordered, reported != null ? reported : ClasspathVersions.harness()));
    }

    /** The report of these results; {@code environment} should be {@link Environment#describe}d from them. */
    public static RecoveryReport of(List<RecoveryResult> unordered, Environment environment) {
        List<RecoveryResult> results = inOrder(unordered);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no recovery results to report on");
        }
        for (RecoveryResult result : results) {
            if (!RecoveryResult.SCHEMA.equals(result.schema())) {
                throw new IllegalArgumentException("result " + result.scenario() + " has schema " + result.schema()
                        + ", expected " + RecoveryResult.SCHEMA);
            }
        }
        List<ReportGroup> groups = group(results);
        RestoreScaling scaling = RestoreScaling.of(results);
        return new RecoveryReport(SCHEMA, title(groups), environment, groups, scaling,
                Findings.conclusion(new ReportContext(groups, scaling, environment)));
    }

    /**
     * The results by scenario id: the report of a comparison that just ran and that of the same results read back
     * from their files must be one.
     */
    private static List<RecoveryResult> inOrder(List<RecoveryResult> results) {
        return results.stream().sorted(Comparator.comparing(RecoveryResult::scenario)).toList();
    }

    public static RecoveryReport readFrom(Path file) {
        try {
            RecoveryReport report = JSON.readValue(file.toFile(), RecoveryReport.class);
            if (!SCHEMA.equals(report.schema())) {
                throw new IllegalArgumentException(file + " has schema " + report.schema() + ", expected " + SCHEMA);
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report " + file, e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the report", e);
        }
    }

    private static List<ReportGroup> group(List<RecoveryResult> results) {
        SettingsProfile profile = SettingsProfile.of(results);
        Map<List<Object>, List<RecoveryResult>> byKey = new LinkedHashMap<>();
        for (RecoveryResult result : results) {
            List<Object> key = List.of(result.setup().platform(), result.setup().variant(),
                    result.setup().fault(), result.guarantee(), profile.independentSettings(result).toString(),
                    ReportGroup.stateRecordsOf(result));
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
        }
        List<ReportGroup> groups = new ArrayList<>();
        byKey.values().forEach(same -> groups.add(ReportGroup.of(same, profile.independentSettings(same.get(0)),
                Findings.figures(same))));
        // exactly_once_v2, the default, before at_least_once
        groups.sort(Comparator.comparing(ReportGroup::guarantee)
                .thenComparing(group -> group.settings().toString())
                .thenComparingLong(ReportGroup::stateRecords)
                // StatefulSet before Deployment, POD_KILL first: their declared order
                .thenComparing(ReportGroup::fault)
                .thenComparing(ReportGroup::variant)
                // last: the same scenario on several platforms comes side by side
                .thenComparing(group -> group.platform().toString()));
        return List.copyOf(groups);
    }

    private static String title(List<ReportGroup> groups) {
        List<String> variants = groups.stream().map(group -> group.variant().name()).distinct().toList();
        List<String> platforms = groups.stream().map(group -> group.platform().toString()).distinct().toList();
        return "Kafka Streams recovery: " + String.join(" vs ", variants) + " on " + String.join(" and ", platforms);
    }
}

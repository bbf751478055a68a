package dev.streamsmustflow.recovery.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.streamsmustflow.recovery.platform.ClasspathVersions;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a reader needs to reproduce a run: where it ran, which versions, on what machine, with which
 * seeds and settings, and when.
 *
 * @param platforms every platform the results ran on, with its own honest description (the local
 *     platform says that it is not Kubernetes)
 * @param kafkaVersion the Kafka version of the harness: its clients, and the broker of the local platform
 * @param machine the machine that wrote the report; on CI the one that ran the scenarios
 * @param seeds the workload seeds of the results, distinct
 * @param settings the settings every result shares (app settings and scenario parameters such as
 *     {@code replicas} and {@code workload.ratePerSecond}); null means "not set"
 * @param settingsByVariant settings that differ between variants and only with them (a StatefulSet's
 *     static membership): a comparison of the variants includes their effect
 * @param settingsByGuarantee settings that differ only with the processing guarantee
 * @param settingsByFault settings of a fault that differ only with it (the pause length of PAUSE)
 * @param independentSettings settings that vary on their own; each group names its values
 * @param when the first fault of the run, ISO-8601 UTC (null without any timeline)
 * @param commits the commits of the project's source the runs were made from ({@code +changes} where files differed
 *     from it), distinct; empty where none was recorded (results from before it was), and then absent from the file
 * @param app the described app that ran, by its descriptor's name (several joined by commas); null, and absent from
 *     the file, where trade-stats ran
 * @param appDescriptorDigests the SHA-256 of each descriptor the runs read, distinct: one where every run had the same
 *     file; empty, and absent from the file, where trade-stats ran or the results are older than the digest
 */
public record Environment(
        List<PlatformInfo> platforms,
        String kafkaVersion,
        String appVersion,
        Machine machine,
        List<Long> seeds,
        Map<String, String> settings,
        Map<String, Map<String, String>> settingsByVariant,
        Map<String, Map<String, String>> settingsByGuarantee,
        Map<String, Map<String, String>> settingsByFault,
        List<String> independentSettings,
        String when,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> commits,
        @JsonInclude(JsonInclude.Include.NON_NULL) String app,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> appDescriptorDigests) {

    public Environment {
        appDescriptorDigests = appDescriptorDigests == null ? List.of() : List.copyOf(appDescriptorDigests);
        // reports written before fault settings or commits were recorded have none
        settingsByFault = settingsByFault == null ? Map.of() : settingsByFault;
        commits = commits == null ? List.of() : List.copyOf(commits);
    }

    public record PlatformInfo(PlatformKind name, String description) {
    }

    public record Machine(String os, String arch, int cores, long memoryBytes, String javaVersion) {

        /** This machine, as the JVM sees it. */
        public static Machine current() {
            long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getTotalMemorySize()
                    : Runtime.getRuntime().maxMemory();
            return new Machine(System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), memory,
                    Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        }
    }

    /** The environment of these results on this machine, with the Kafka version of the harness's clients. */
    public static Environment describe(List<RecoveryResult> results, String appVersion) {
        return describe(results, appVersion, ClasspathVersions.kafkaClients(), Machine.current());
    }

    public static Environment describe(List<RecoveryResult> results, String appVersion, String kafkaVersion,
            Machine machine) {
        SettingsProfile profile = SettingsProfile.of(results);
        List<PlatformInfo> platforms = results.stream()
                .map(result -> new PlatformInfo(result.setup().platform(), result.setup().platformDescription()))
                .distinct().toList();
        List<Long> seeds = results.stream().filter(result -> result.setup().workload() != null)
                .map(result -> result.setup().workload().seed()).distinct().sorted().toList();
        String when = results.stream().filter(result -> result.measurements().timeline() != null)
                .map(result -> result.measurements().timeline().faultInjected()).min(Long::compare)
                .map(time -> Instant.ofEpochMilli(time).toString()).orElse(null);
        List<String> commits = results.stream().map(result -> result.evidence().sourceCommit()).filter(Objects::nonNull)
                .distinct().sorted().toList();
        List<String> apps = results.stream().map(result -> result.setup().app()).filter(Objects::nonNull).distinct().toList();
        String app = apps.isEmpty() ? null : String.join(", ", apps);
        return new Environment(platforms, kafkaVersion, Objects.requireNonNullElse(appVersion, "unknown"), machine, seeds,
                profile.common(), new TreeMap<>(profile.byVariant()), new TreeMap<>(profile.byGuarantee()),
                new TreeMap<>(profile.byFault()), List.copyOf(profile.independent()), when, commits, app,
                results.stream().map(result -> result.setup().appDescriptorDigest()).filter(Objects::nonNull).distinct()
                        .toList());
    }
}

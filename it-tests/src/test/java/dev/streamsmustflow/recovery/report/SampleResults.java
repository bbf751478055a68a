package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.history.OutputGap;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RecoveryResults built by hand with round numbers, so that a test can compute what the report must
 * say. By default: local, exactly-once, a state of 100,000 records, every phase 1,000 ms except
 * termination (100 ms) and restore (500 ms), ready after 3,000 ms, caught up after 4,000 ms, an
 * output gap of 6,000 ms, 1,000,000 records restored, VALID.
 */
public final class SampleResults {

    private static int counter;

    private final String variant;
    private final String fault;
    private String platform = "local";
    private String guarantee = "exactly_once_v2";
    private String scenario;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private Long outputGap = 6_000L;
    private long recordsRestored = 1_000_000;
    private int tradesBefore = 20_000;
    private Verdict verdict = verdict(Validity.VALID, 0, 0, 0, 0, 0);

    private SampleResults(String variant, String fault) {
        this.variant = variant;
        this.fault = fault;
        phases.put("termination", 100L);
        phases.put("start", 1_000L);
        phases.put("rebalance", 1_000L);
        phases.put("restore", 500L);
        phases.put("catchUp", 1_000L);
        phases.put("timeToReady", 3_000L);
        phases.put("timeToCaughtUp", 4_000L);
    }

    public static SampleResults result(String variant, String fault) {
        return new SampleResults(variant, fault);
    }

    SampleResults guarantee(String value) {
        this.guarantee = value;
        return this;
    }

    SampleResults platform(String value) {
        this.platform = value;
        return this;
    }

    SampleResults scenario(String value) {
        this.scenario = value;
        return this;
    }

    SampleResults setting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    public SampleResults caughtUp(Long ms) {
        phases.put("timeToCaughtUp", ms);
        return this;
    }

    SampleResults ready(Long ms) {
        phases.put("timeToReady", ms);
        return this;
    }

    SampleResults phase(String name, Long ms) {
        phases.put(name, ms);
        return this;
    }

    SampleResults outputGap(Long ms) {
        this.outputGap = ms;
        return this;
    }

    /** The records restored and how long the restore phase took. */
    SampleResults restored(long records, long restoreMs) {
        this.recordsRestored = records;
        phases.put("restore", restoreMs);
        return this;
    }

    /** The state the workload builds: five changelog records per trade sent before the fault. */
    SampleResults stateRecords(long records) {
        this.tradesBefore = (int) (records / 5);
        return this;
    }

    SampleResults verdict(Verdict value) {
        this.verdict = value;
        return this;
    }

    static Verdict verdict(Validity validity, long lost, long unexpected, long duplicated, long overCounted, long wrong) {
        return new Verdict(validity, "exactly_once_v2", validity + ": made by hand", 100, 100, 500, lost, unexpected,
                duplicated, overCounted, wrong, List.of(), validity == Validity.UNKNOWN ? "made by hand" : null);
    }

    public RecoveryResult build() {
        String id = scenario != null ? scenario
                : (variant + "-" + fault + "-" + guarantee).toLowerCase(Locale.ROOT).replace('_', '-') + "-" + ++counter;
        Map<String, String> appSettings = new LinkedHashMap<>();
        appSettings.put("PROCESSING_GUARANTEE", guarantee);
        appSettings.put("STATIC_MEMBERSHIP", Boolean.toString(variant.equals("STATEFUL_SET")));
        appSettings.putAll(settings);
        appSettings.put("APPLICATION_ID", id);
        WorkloadSpec workload = new WorkloadSpec(42, 200, 1_800_000_000_000L, 5, tradesBefore, 1_000, 1_000, 500);
        RecoveryTimeline timeline = new RecoveryTimeline(1_800_000_100_000L, null, null, null, null, null, null, null,
                null, null, List.of(), List.of(), List.of());
        return new RecoveryResult(RecoveryResult.SCHEMA, id, platform, platform + ": made by hand", variant, fault, 3, 6,
                appSettings, workload, 22_000, timeline, new LinkedHashMap<>(phases), new OutputGap(outputGap, "S0001"),
                recordsRestored, verdict, "/logs/" + id, "/history/" + id, "0.1.0-SNAPSHOT");
    }

    /** The report of these results, in a fixed environment. */
    static RecoveryReport report(List<RecoveryResult> results) {
        return RecoveryReport.of(results, Environment.describe(results, "1.2.3", "4.4.0",
                new Environment.Machine("Linux 6.1", "amd64", 2, 8L << 30, "17")));
    }

    static RecoveryReport report(SampleResults... results) {
        return report(java.util.Arrays.stream(results).map(SampleResults::build).toList());
    }
}

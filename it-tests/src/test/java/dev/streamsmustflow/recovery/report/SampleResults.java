package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.checker.DeadLetterCheck;
import dev.streamsmustflow.recovery.checker.Discrepancies;
import dev.streamsmustflow.recovery.checker.InputAudit;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.Backlog;
import dev.streamsmustflow.recovery.history.OutputGap;
import dev.streamsmustflow.recovery.history.Phase;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.MachineUse;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.scenario.ChangelogState;
import dev.streamsmustflow.recovery.scenario.PeakMemory;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.workload.SteadyLoad;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.EnumMap;
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

    private final Variant variant;
    private final Fault fault;
    private PlatformKind platform = PlatformKind.LOCAL;
    private ProcessingGuarantee guarantee = ProcessingGuarantee.EXACTLY_ONCE_V2;
    private String scenario;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<Phase, Long> phases = new EnumMap<>(Phase.class);
    private Long outputGap = 6_000L;
    private long recordsRestored = 1_000_000;
    private long recordsThrownAway;
    private int tradesBefore = 20_000;
    private int rate = 500;
    private SteadyLoad load = SteadyLoad.DEFAULT;
    private MachineUse machine;
    private String commit = "0123456789abcdef0123456789abcdef01234567";
    private ChangelogState stateBeforeFault;
    private ChangelogState restoredReadAfter;
    private PeakMemory memory;
    private Backlog backlog;
    private int earlierFaultsOnState;
    private String describedApp;
    private String descriptorDigest;
    private final List<RecoveryTimeline.Restore> replacementRestores = new ArrayList<>();
    private final List<RecoveryTimeline.FatalError> replacementFatalErrors = new ArrayList<>();
    private Long goneAfterMs;
    private Long tasksAfterMs;
    private Verdict verdict = verdict(Validity.VALID, 0, 0, 0, 0, 0);

    private SampleResults(String variant, String fault) {
        this.variant = Variant.valueOf(variant);
        this.fault = Fault.valueOf(fault);
        phases.put(Phase.TERMINATION, 100L);
        phases.put(Phase.START, 1_000L);
        phases.put(Phase.REBALANCE, 1_000L);
        phases.put(Phase.RESTORE, 500L);
        phases.put(Phase.CATCH_UP, 1_000L);
        phases.put(Phase.TIME_TO_READY, 3_000L);
        phases.put(Phase.TIME_TO_CAUGHT_UP, 4_000L);
    }

    public static SampleResults result(String variant, String fault) {
        return new SampleResults(variant, fault);
    }

    public SampleResults guarantee(String value) {
        this.guarantee = ProcessingGuarantee.of(value);
        return this;
    }

    /** A described app's run, from a descriptor file with this digest. */
    public SampleResults described(String app, String digest) {
        this.describedApp = app;
        this.descriptorDigest = digest;
        return this;
    }

    public SampleResults platform(PlatformKind value) {
        this.platform = value;
        return this;
    }

    public SampleResults scenario(String value) {
        this.scenario = value;
        return this;
    }

    public SampleResults setting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    public SampleResults caughtUp(Long ms) {
        phases.put(Phase.TIME_TO_CAUGHT_UP, ms);
        return this;
    }

    public SampleResults ready(Long ms) {
        phases.put(Phase.TIME_TO_READY, ms);
        return this;
    }

    public SampleResults phase(Phase phase, Long ms) {
        phases.put(phase, ms);
        return this;
    }

    /** The input flowed at 500 records/s: the peak lag, {@code drainMs} from it back to the level, at the catch-up rate. */
    public SampleResults backlog(long peakLag, Long drainMs, Double catchUpRecordsPerSecond) {
        this.backlog = new Backlog(500, 150, 100, peakLag, 2_000, peakLag / 500.0, drainMs, catchUpRecordsPerSecond,
                drainMs == null ? "the lag did not fall back to its pre-fault level" : null);
        return this;
    }

    /** The input flowed at {@code percent} of a capacity of {@code capacity} records/s, against a lag budget. */
    public SampleResults load(int percent, double capacity, long lagBudgetMs) {
        this.rate = (int) Math.round(capacity * percent / 100);
        this.load = SteadyLoad.DEFAULT.ofCapacity(capacity, percent).withLagBudget(lagBudgetMs);
        return this;
    }

    /** The machine was {@code busyPercent} busy, {@code otherPercent} of it with other work, busiest {@code command}. */
    public SampleResults machine(double busyPercent, double otherPercent, String command) {
        this.machine = new MachineUse(60_000L, 2, busyPercent, busyPercent - otherPercent - 5, 5.0, otherPercent,
                List.of(command + ": " + otherPercent + " %"), null);
        return this;
    }

    public SampleResults commit(String value) {
        this.commit = value;
        return this;
    }

    /** A result from before the input flowed through the fault: 1,000 records at 500 a second in its first 2 s. */
    public SampleResults idle() {
        this.load = null;
        this.rate = 500;
        return this;
    }

    public SampleResults outputGap(Long ms) {
        this.outputGap = ms;
        return this;
    }

    /** The records restored and how long the restore phase took. */
    public SampleResults restored(long records, long restoreMs) {
        this.recordsRestored = records;
        phases.put(Phase.RESTORE, restoreMs);
        return this;
    }

    /** Records loaded and then thrown away (restores suspended, warm-ups moved away). */
    public SampleResults thrownAway(long records) {
        this.recordsThrownAway = records;
        return this;
    }

    /** The state the workload builds: five changelog records per trade sent before the fault. */
    public SampleResults stateRecords(long records) {
        this.tradesBefore = (int) (records / 5);
        return this;
    }

    /** What a plain consumer read of the changelogs before the fault: the measured state and its read rate. */
    public SampleResults changelog(long records, long readMs) {
        this.stateBeforeFault = new ChangelogState(records, records * 100, 6, readMs);
        return this;
    }

    /** What a plain consumer read when it read again the changelog ranges the recovery restored, right after it. */
    public SampleResults restoredReadAgain(long records, long readMs) {
        this.restoredReadAfter = new ChangelogState(records, records * 100, 2, readMs);
        return this;
    }

    /** The peak resident memory: each of three pods at {@code podBytes} plus its index, the broker at {@code brokerBytes}. */
    /** The result of a fault that hit a state {@code earlier} faults of earlier results hit before. */
    public SampleResults earlierFaultsOnState(int earlier) {
        this.earlierFaultsOnState = earlier;
        return this;
    }

    public SampleResults memory(long podBytes, long brokerBytes) {
        this.memory = new PeakMemory(Map.of("trade-stats-0", podBytes, "trade-stats-1", podBytes + 1, "trade-stats-2",
                podBytes + 2), null, brokerBytes, null);
        return this;
    }

    /** A restore of the replacement ({@code replacement-uid}) of one store partition, from {@code startOffset}. */
    public SampleResults replacementRestored(int partition, long startOffset, long records) {
        replacementRestores.add(new RecoveryTimeline.Restore("trade-stats-0", "replacement-uid", "trade-aggregates",
                "app-trade-aggregates-changelog", partition,
                startOffset, startOffset + records, records, 500L, RecoveryTimeline.RestoreKind.ACTIVE));
        return this;
    }

    /** A fatal error the replacement reported before it got its tasks, this long after the fault. */
    public SampleResults replacementFailed(long afterMs, String error) {
        replacementFatalErrors.add(new RecoveryTimeline.FatalError(afterMs, error));
        return this;
    }

    /** When, after the fault, the target's process ended and the replacement got its first tasks. */
    public SampleResults goneThenTasks(long goneAfterMs, long tasksAfterMs) {
        this.goneAfterMs = goneAfterMs;
        this.tasksAfterMs = tasksAfterMs;
        return this;
    }

    public SampleResults verdict(Verdict value) {
        this.verdict = value;
        return this;
    }

    public static Verdict verdict(Validity validity, long lost, long unexpected, long duplicated, long overCounted,
            long wrong) {
        return verdict(validity, lost, unexpected, duplicated, overCounted, wrong, DeadLetterCheck.NOTHING_CHECKED);
    }

    public static Verdict verdict(Validity validity, long lost, long unexpected, long duplicated, long overCounted,
            long wrong, DeadLetterCheck deadLetters) {
        return verdict(validity, lost, unexpected, duplicated, overCounted, wrong, deadLetters, InputAudit.NOTHING_CHECKED);
    }

    public static Verdict verdict(Validity validity, long lost, long unexpected, long duplicated, long overCounted,
            long wrong, DeadLetterCheck deadLetters, InputAudit input) {
        return new Verdict(validity, ProcessingGuarantee.EXACTLY_ONCE_V2, validity + ": made by hand",
                new Verdict.Coverage(100, 100, 500, 0),
                new Discrepancies(lost, unexpected, duplicated, overCounted, wrong, 0, 0), deadLetters,
                input, List.of(), validity == Validity.UNKNOWN ? "made by hand" : null);
    }

    public RecoveryResult build() {
        String id = scenario != null ? scenario
                : (variant + "-" + fault + "-" + guarantee).toLowerCase(Locale.ROOT).replace('_', '-') + "-" + ++counter;
        Map<String, String> appSettings = new LinkedHashMap<>();
        appSettings.put("PROCESSING_GUARANTEE", guarantee.setting());
        appSettings.put("STATIC_MEMBERSHIP", Boolean.toString(variant == Variant.STATEFUL_SET));
        appSettings.putAll(settings);
        appSettings.put("APPLICATION_ID", id);
        WorkloadSpec workload = new WorkloadSpec(42, 200, 1_800_000_000_000L, 5, tradesBefore, rate,
                WorkloadSpec.DEFAULT_MALFORMED_EVERY, WorkloadSpec.DEFAULT_LATE_FRACTION, 0, load);
        long injected = 1_800_000_100_000L;
        RecoveryTimeline timeline = new RecoveryTimeline(injected, goneAfterMs == null ? null : injected + goneAfterMs, null,
                tasksAfterMs == null ? null : injected + tasksAfterMs, null, null, null, null, "trade-stats-0",
                "replacement-uid", List.of(), List.of(), List.copyOf(replacementRestores),
                replacementFatalErrors.stream().map(error -> new RecoveryTimeline.FatalError(injected + error.time(),
                        error.error())).toList(), Map.of());
        Map<Phase, String> unmeasured = new EnumMap<>(Phase.class);
        phases.forEach((phase, ms) -> {
            if (ms == null) {
                unmeasured.put(phase, "not measured (made by hand)");
            }
        });
        List<Phase> negative = phases.entrySet().stream().filter(phase -> phase.getValue() != null && phase.getValue() < 0)
                .map(Map.Entry::getKey).toList();
        return new RecoveryResult(
                new RecoveryResult.Setup(id, platform, platform + ": made by hand", variant, fault, 3, 6, appSettings,
                        workload, fault == Fault.PAUSE ? 10_000L : null, 10_000L, earlierFaultsOnState, describedApp,
                        describedApp == null ? null : guarantee, descriptorDigest),
                new RecoveryResult.Measurements(22_000, timeline, backlog, new EnumMap<>(phases), unmeasured, negative,
                        new OutputGap(outputGap, "S0001"), recordsRestored, recordsThrownAway, stateBeforeFault,
                        memory, restoredReadAfter, machine),
                verdict,
                new RecoveryResult.Evidence("/logs/" + id, "/history/" + id, "0.1.0-SNAPSHOT", commit));
    }

    /** The report of these results, in a fixed environment. */
    public static RecoveryReport report(List<RecoveryResult> results) {
        return RecoveryReport.of(results, Environment.describe(results, "1.2.3", "4.4.0",
                new Environment.Machine("Linux 6.1", "amd64", 2, 8L << 30, "17")));
    }

    public static RecoveryReport report(SampleResults... results) {
        return report(java.util.Arrays.stream(results).map(SampleResults::build).toList());
    }
}

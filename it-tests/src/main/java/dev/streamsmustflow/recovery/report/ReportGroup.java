package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.Phase;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.scenario.ChangelogState;
import dev.streamsmustflow.recovery.scenario.PeakMemory;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The repetitions of one configuration: platform × variant × fault × processing guarantee × the
 * independent settings × state size, summarised.
 *
 * @param settings the settings that vary independently across the report's results (see
 *     {@link SettingsProfile}); empty when nothing but variant, fault and guarantee varies
 * @param stateRecords the state the workload was asked to build before the fault, in changelog records
 *     ({@link WorkloadSpec#stateRecords}; for a workload without that target, one record per window update
 *     sent). It is the key that groups repetitions; {@code changelogRecords} is what they measured. The
 *     records actually restored differ between repetitions, so they are measured
 *     ({@code recordsRestored}), not grouped by
 * @param phasesMs per {@link Phase} the spread over the repetitions in ms; a phase that happened in no
 *     repetition is absent
 * @param unmeasured per phase that some repetitions could not measure, why, with how many runs each reason
 *     holds for, e.g. {@code "2 of 3 runs: nothing was restored"}
 * @param recordsThrownAway changelog records loaded and then thrown away (restores suspended, warm-ups moved away)
 * @param changelogRecords the state measured before the fault: records in the changelogs, read by a plain
 *     consumer; null when no run measured it
 * @param restorePercentOfPlainRead per run that restored something, its restore rate (records restored over the
 *     restore phase) in percent of the plain read's rate of the same changelogs from the same broker; null when
 *     no run has both
 * @param restorePercentOfRestoredRead per run that restored something, its restore rate in percent of the rate at
 *     which a plain consumer read the same changelog partitions and offsets again right after the recovery; null when
 *     no run has both (results from before this was measured)
 * @param waitedForSession per run whose rebalance ended when the gracefully stopped pod's session expired
 *     ({@link SessionWait}), how long after its process ended; null when no run did
 * @param peakPodResidentBytes per run, the peak resident memory of its largest pod; null when no run measured it
 * @param peakBrokerResidentBytes per run, the broker's peak resident memory; null when no run measured it
 * @param restoredFromScratch per run whose StatefulSet replacement restored everything it loaded from offset 0,
 *     the records it restored ({@link LocalStateLost}); null when no run did
 * @param instanceIdRefusals per run whose replacement was refused its static member's instance id while the group
 *     held it for the dead member ({@link InstanceIdHeld}), how many times; null when no run was
 * @param instanceIdHeldMs per such run, how long after the old process ended the replacement got its tasks; null when
 *     no run was refused or none measured it
 * @param runsOnHitState runs whose fault hit a state that an earlier run's fault had hit (the state built once for
 *     several runs); 0 in reports written before it was recorded
 */
public record ReportGroup(
        String platform,
        Variant variant,
        Fault fault,
        ProcessingGuarantee guarantee,
        Map<String, String> settings,
        long stateRecords,
        int repetitions,
        List<String> scenarios,
        Map<Phase, Spread> phasesMs,
        Map<Phase, List<String>> unmeasured,
        Spread recordsRestored,
        Spread recordsThrownAway,
        GroupVerdict verdict,
        Spread changelogRecords,
        Spread restorePercentOfPlainRead,
        Spread restorePercentOfRestoredRead,
        Spread waitedForSession,
        Spread peakPodResidentBytes,
        Spread peakBrokerResidentBytes,
        Spread restoredFromScratch,
        Spread instanceIdRefusals,
        Spread instanceIdHeldMs,
        int runsOnHitState) {

    public ReportGroup {
        // reports written before these were recorded have none
        unmeasured = unmeasured == null ? Map.of() : unmeasured;
        recordsThrownAway = recordsThrownAway == null ? Spread.of(List.of(0L)) : recordsThrownAway;
    }

    /** The names of the dimensions that are no setting, as {@link #dimensions()} keys them. */
    public static final String PLATFORM = "platform";
    public static final String VARIANT = "variant";
    public static final String FAULT = "fault";
    public static final String GUARANTEE = "PROCESSING_GUARANTEE";
    public static final String STATE_RECORDS = "stateRecords";

    /** Summarises results that share one key; {@code settings} are their independent settings. */
    static ReportGroup of(List<RecoveryResult> results, Map<String, String> settings) {
        RecoveryResult first = results.get(0);
        Map<Phase, Spread> phases = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            Spread spread = Spread.of(results.stream().map(result -> result.phase(phase)).toList());
            if (spread != null) {
                phases.put(phase, spread);
            }
        }
        return new ReportGroup(first.setup().platform(), first.setup().variant(), first.setup().fault(),
                first.guarantee(), new TreeMap<>(settings), stateRecordsOf(first), results.size(),
                results.stream().map(RecoveryResult::scenario).toList(), phases, unmeasured(results),
                Spread.of(results.stream().map(result -> result.measurements().recordsRestored()).toList()),
                Spread.of(results.stream().map(result -> result.measurements().recordsThrownAway()).toList()),
                GroupVerdict.of(results),
                Spread.of(results.stream().map(ReportGroup::changelogRecords).toList()),
                Spread.of(results.stream().map(ReportGroup::restorePercentOfPlainRead).toList()),
                Spread.of(results.stream().map(ReportGroup::restorePercentOfRestoredRead).toList()),
                Spread.of(results.stream().map(SessionWait::of).toList()),
                Spread.of(results.stream().map(result -> memoryOf(result, PeakMemory::largestPodBytes)).toList()),
                Spread.of(results.stream().map(result -> memoryOf(result, PeakMemory::brokerBytes)).toList()),
                Spread.of(results.stream().map(LocalStateLost::of).toList()),
                Spread.of(results.stream().map(InstanceIdHeld::refusals).toList()),
                Spread.of(results.stream().map(InstanceIdHeld::heldFor).toList()),
                (int) results.stream().filter(result -> result.setup().earlierFaultsOnState() != null
                        && result.setup().earlierFaultsOnState() > 0).count());
    }

    private static Long memoryOf(RecoveryResult result, Function<PeakMemory, Long> figure) {
        PeakMemory memory = result.measurements().memory();
        return memory == null ? null : figure.apply(memory);
    }

    private static Long changelogRecords(RecoveryResult result) {
        ChangelogState state = result.measurements().stateBeforeFault();
        return state == null ? null : state.records();
    }

    /** The run's restore rate in percent of its plain read's of all changelogs before the fault, or null when either is missing. */
    static Long restorePercentOfPlainRead(RecoveryResult result) {
        return restorePercentOf(result, result.measurements().stateBeforeFault());
    }

    /** The run's restore rate in percent of its plain read's of what it restored, or null when either is missing. */
    static Long restorePercentOfRestoredRead(RecoveryResult result) {
        return restorePercentOf(result, result.measurements().restoredReadAfter());
    }

    private static Long restorePercentOf(RecoveryResult result, ChangelogState read) {
        Long restoreMs = result.phase(Phase.RESTORE);
        long restored = result.measurements().recordsRestored();
        if (read == null || read.recordsPerSecond() == null || restoreMs == null || restoreMs <= 0 || restored <= 0) {
            return null;
        }
        double restoreRate = restored * 1_000.0 / restoreMs;
        return Math.round(100 * restoreRate / read.recordsPerSecond());
    }

    private static Map<Phase, List<String>> unmeasured(List<RecoveryResult> results) {
        Map<Phase, Map<String, Integer>> reasons = new EnumMap<>(Phase.class);
        for (RecoveryResult result : results) {
            result.measurements().unmeasuredPhases().forEach((phase, why) -> reasons
                    .computeIfAbsent(phase, key -> new TreeMap<>()).merge(why, 1, Integer::sum));
        }
        Map<Phase, List<String>> unmeasured = new EnumMap<>(Phase.class);
        reasons.forEach((phase, counts) -> unmeasured.put(phase, counts.entrySet().stream()
                .map(reason -> reason.getValue() + " of " + results.size() + " run" + (results.size() == 1 ? "" : "s")
                        + ": " + reason.getKey())
                .toList()));
        return unmeasured;
    }

    /** The state requested: the workload's target, or, without one, one record per window update sent. */
    static long stateRecordsOf(RecoveryResult result) {
        WorkloadSpec workload = result.setup().workload();
        if (workload == null) {
            return 0;
        }
        return workload.stateRecords() > 0 ? workload.stateRecords() : 5L * workload.tradesBefore();
    }

    /** The rounded median of a phase, or null when it never happened. */
    public Long median(Phase phase) {
        Spread spread = phasesMs.get(phase);
        return spread == null ? null : spread.roundedMedian();
    }

    /**
     * What identifies the group, dimension by dimension: platform, variant, fault,
     * {@code PROCESSING_GUARANTEE}, every independent setting, and {@code stateRecords}.
     */
    Map<String, String> dimensions() {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put(PLATFORM, platform);
        dimensions.put(VARIANT, variant.name());
        dimensions.put(FAULT, fault.name());
        dimensions.put(GUARANTEE, guarantee.setting());
        dimensions.putAll(new TreeMap<>(settings));
        dimensions.put(STATE_RECORDS, Long.toString(stateRecords));
        return dimensions;
    }

    /** The key of the group with one dimension left out: groups equal in it differ only in that dimension. */
    Map<String, String> dimensionsWithout(String dimension) {
        Map<String, String> dimensions = dimensions();
        dimensions.remove(dimension);
        return dimensions;
    }
}

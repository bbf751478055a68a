package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The repetitions of one configuration: platform × variant × fault × processing guarantee × the
 * independent settings × state size, summarised.
 *
 * @param settings the settings that vary independently across the report's results (see
 *     {@link SettingsProfile}); empty when nothing but variant, fault and guarantee varies
 * @param stateRecords the state the workload built before the fault, in changelog records: five
 *     window updates per trade, as {@link WorkloadSpec#withStateOf} counts them. The records actually
 *     restored differ between repetitions, so they are measured ({@code recordsRestored}), not grouped by
 * @param phasesMs per phase of DESIGN.md ({@link #PHASES}) the spread over the repetitions in ms; a
 *     phase that happened in no repetition is absent
 */
public record ReportGroup(
        String platform,
        String variant,
        String fault,
        String guarantee,
        Map<String, String> settings,
        long stateRecords,
        int repetitions,
        List<String> scenarios,
        Map<String, Spread> phasesMs,
        Spread recordsRestored,
        GroupVerdict verdict) {

    /** The result's {@code phasesMs} in order, then the output gap. */
    public static final List<String> PHASES = List.of("termination", "start", "rebalance", "restore", "catchUp",
            "timeToReady", "timeToCaughtUp", "outputGap");
    static final String TIME_TO_CAUGHT_UP = "timeToCaughtUp";
    static final String TIME_TO_READY = "timeToReady";

    /** Summarises results that share one key; {@code settings} are their independent settings. */
    static ReportGroup of(List<RecoveryResult> results, Map<String, String> settings) {
        RecoveryResult first = results.get(0);
        Map<String, Spread> phases = new LinkedHashMap<>();
        for (String phase : PHASES) {
            Spread spread = Spread.of(results.stream().map(result -> measured(result, phase)).toList());
            if (spread != null) {
                phases.put(phase, spread);
            }
        }
        return new ReportGroup(first.platform(), first.variant(), first.fault(), SettingsProfile.guarantee(first),
                new TreeMap<>(settings), stateRecordsOf(first), results.size(),
                results.stream().map(RecoveryResult::scenario).toList(), phases,
                Spread.of(results.stream().map(RecoveryResult::recordsRestored).toList()), GroupVerdict.of(results));
    }

    static long stateRecordsOf(RecoveryResult result) {
        return result.workload() == null ? 0 : 5L * result.workload().tradesBefore();
    }

    private static Long measured(RecoveryResult result, String phase) {
        if (phase.equals("outputGap")) {
            return result.outputGap() == null ? null : result.outputGap().millis();
        }
        return result.phasesMs() == null ? null : result.phasesMs().get(phase);
    }

    /** The rounded median of a phase, or null when it never happened. */
    Long median(String phase) {
        Spread spread = phasesMs.get(phase);
        return spread == null ? null : spread.roundedMedian();
    }

    /**
     * What identifies the group, dimension by dimension: platform, variant, fault,
     * {@code PROCESSING_GUARANTEE}, every independent setting, and {@code stateRecords}.
     */
    Map<String, String> dimensions() {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("platform", platform);
        dimensions.put("variant", variant);
        dimensions.put("fault", fault);
        dimensions.put(SettingsProfile.GUARANTEE, guarantee);
        dimensions.putAll(new TreeMap<>(settings));
        dimensions.put("stateRecords", Long.toString(stateRecords));
        return dimensions;
    }

    /** The key of the group with one dimension left out: groups equal in it differ only in that dimension. */
    Map<String, String> dimensionsWithout(String dimension) {
        Map<String, String> dimensions = dimensions();
        dimensions.remove(dimension);
        return dimensions;
    }
}

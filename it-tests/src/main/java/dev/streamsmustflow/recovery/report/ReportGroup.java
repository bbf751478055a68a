package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.Phase;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.scenario.ChangelogState;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param runsOnHitState runs whose fault hit a state that an earlier run's fault had hit (the state built once for
 *     several runs); 0 in reports written before it was recorded
 * @param findings per {@link Finding} with figures, the spread of each {@link Figure} over the runs that showed it
 *     (see {@link #figure}); a finding no run showed is absent
 */
public record ReportGroup(
        PlatformKind platform,
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
        int runsOnHitState,
        Map<String, Map<String, Spread>> findings) {

    public ReportGroup {
        // reports written before these were recorded have none
        unmeasured = unmeasured == null ? Map.of() : unmeasured;
        recordsThrownAway = recordsThrownAway == null ? Spread.of(List.of(0L)) : recordsThrownAway;
        findings = findings == null ? Map.of() : findings;
    }

    /**
     * Summarises results that share one key; {@code settings} are their independent settings, {@code findings} the
     * findings' figures of these results ({@link Findings#figures}).
     */
    static ReportGroup of(List<RecoveryResult> results, Map<String, String> settings,
            Map<String, Map<String, Spread>> findings) {
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
                (int) results.stream().filter(result -> result.setup().earlierFaultsOnState() != null
                        && result.setup().earlierFaultsOnState() > 0).count(),
                findings);
    }

    /** The spread of a finding's figure over the group's runs; null when no run showed it. */
    Spread figure(Figure figure) {
        return findings.getOrDefault(figure.finding(), Map.of()).get(figure.name());
    }

    private static Long changelogRecords(RecoveryResult result) {
        ChangelogState state = result.measurements().stateBeforeFault();
        return state == null ? null : state.records();
    }

    private static Map<Phase, List<String>> unmeasured(List<RecoveryResult> results) {
        Map<Phase, Map<String, Integer>> reasons = new EnumMap<>(Phase.class);
        for (RecoveryResult result : results) {
            result.measurements().unmeasuredPhases().forEach((phase, why) -> reasons
                    .computeIfAbsent(phase, key -> new TreeMap<>()).merge(why, 1, Integer::sum));
        }
        Map<Phase, List<String>> unmeasured = new EnumMap<>(Phase.class);
        reasons.forEach((phase, counts) -> unmeasured.put(phase, counts.entrySet().stream()
                .map(reason -> reason.getValue() + " of " + ReportFormat.plural(results.size(), "run") + ": "
                        + reason.getKey())
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
}

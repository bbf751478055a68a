package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.nemesis.UnsupportedFaultException;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.scenario.ScenarioSpec;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scenarios of one comparison: its cells (by default every variant × fault × processing guarantee
 * × state size; a {@link MatrixPreset} names its own), each repeated. Repetition r uses seed + r, so
 * repetitions differ and each one can be reproduced.
 *
 * @param appEnv further app settings for every pod (the app's environment variables), applied before
 *     a cell's own
 * @param malformedEvery one input record in this many is malformed; 0 for none
 * @param lateFraction the fraction of trades sent late
 * @param pauseLength how long {@link Fault#PAUSE} freezes its pod; null for the scenario's default
 * @param stateReused whether the repetitions of a cell share one state, built once with the seed and hit in turn
 *     ({@link ScenarioSpec#faultsOnState()}), rather than each building its own with seed + r
 */
record ComparisonPlan(
        PlatformKind platform,
        List<ComparisonCell> cells,
        int replicas,
        int partitions,
        int repetitions,
        long seed,
        long sessionTimeoutMs,
        Map<String, String> appEnv,
        int malformedEvery,
        double lateFraction,
        Duration pauseLength,
        boolean stateReused) {

    /** @throws IllegalArgumentException naming what is wrong, a fault the platform cannot do included */
    ComparisonPlan {
        cells = List.copyOf(cells);
        appEnv = Map.copyOf(appEnv);
        require(!cells.isEmpty(), "at least one scenario");
        require(cells.stream().allMatch(cell -> cell.stateRecords() > 0), "state sizes above zero");
        require(replicas >= 1, "at least one replica");
        require(partitions >= replicas, "at least as many partitions as replicas (an idle replica is never ready)");
        require(repetitions >= 1, "at least one repetition");
        require(sessionTimeoutMs >= 1_000, "a session timeout of at least 1000 ms");
        require(malformedEvery >= 0, "--malformed-every of 0 (none) or more");
        require(lateFraction >= 0 && lateFraction <= 1, "a --late-fraction between 0 and 1");
        require(pauseLength == null || pauseLength.toMillis() >= 1, "a --pause-ms of at least 1");
        require(!stateReused || cells.stream().allMatch(cell -> ScenarioSpec.REPEATABLE_FAULTS.contains(cell.fault())),
                "only faults that replace one pod, " + ScenarioSpec.REPEATABLE_FAULTS + ", to reuse a state");
        cells.stream().map(ComparisonCell::fault).distinct()
                .forEach(fault -> UnsupportedFaultException.refuseUnless(fault, platform));
    }

    /** Every combination, in the order state size, guarantee, fault, variant (the variants of a fault side by side). */
    static List<ComparisonCell> everyCombination(List<Variant> variants, List<Fault> faults,
            List<ProcessingGuarantee> guarantees, List<Long> stateRecords) {
        require(!variants.isEmpty(), "at least one variant");
        require(!faults.isEmpty(), "at least one fault");
        require(!guarantees.isEmpty(), "at least one processing guarantee");
        require(!stateRecords.isEmpty(), "at least one state size");
        List<ComparisonCell> cells = new ArrayList<>();
        for (long size : stateRecords) {
            for (ProcessingGuarantee guarantee : guarantees) {
                for (Fault fault : faults) {
                    for (Variant variant : variants) {
                        cells.add(ComparisonCell.of(variant, fault, guarantee, size));
                    }
                }
            }
        }
        return cells;
    }

    List<ScenarioSpec> scenarios(long eventTimeStart) {
        List<ScenarioSpec> scenarios = new ArrayList<>();
        if (stateReused) {
            for (ComparisonCell cell : cells) {
                scenarios.add(scenario(cell, 0, eventTimeStart).withId(id(cell)).withFaultsOnState(repetitions));
            }
            return scenarios;
        }
        for (int repetition = 0; repetition < repetitions; repetition++) {
            for (ComparisonCell cell : cells) {
                scenarios.add(scenario(cell, repetition, eventTimeStart).withId(ScenarioSpec.repetitionId(id(cell), repetition + 1)));
            }
        }
        return scenarios;
    }

    private String id(ComparisonCell cell) {
        return platform + "-" + cell.name();
    }

    private ScenarioSpec scenario(ComparisonCell cell, int repetition, long eventTimeStart) {
        AppSettings settings = AppSettings.forScenario(cell.guarantee(), sessionTimeoutMs);
        Map<String, String> env = new TreeMap<>(appEnv);
        env.putAll(cell.env());
        for (Map.Entry<String, String> variable : env.entrySet()) {
            settings = settings.withEnv(variable.getKey(), variable.getValue());
        }
        return ScenarioSpec.of(platform, cell.variant(), cell.fault(), cell.guarantee(), eventTimeStart)
                .withTopology(replicas, partitions)
                .withSettings(settings)
                .withWorkload(WorkloadSpec.small(seed + repetition, eventTimeStart).withStateOf(cell.stateRecords())
                        .withInput(malformedEvery, lateFraction))
                .withPauseLength(pauseLength);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("a comparison needs " + what);
        }
    }
}

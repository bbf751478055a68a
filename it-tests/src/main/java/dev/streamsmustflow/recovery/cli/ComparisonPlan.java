package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.nemesis.UnsupportedFaultException;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.scenario.ScenarioSpec;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.time.Duration;
import dev.streamsmustflow.recovery.workload.InputRate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
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
 * @param rate the rate the input flows at through every fault, unless a cell has its own
 * @param capacityPerSecond the app's capacity as given ({@code --capacity}), for every rate that is a share of it;
 *     null to measure it on the platform
 * @param lagBudgetMs how long after a fault the lag may stay above its pre-fault level for a recovery to fit
 * @param app a described app to run in place of trade-stats, with its descriptor's partitions and only the run's
 *     own settings ({@code appEnv}) over its environment; null for trade-stats
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
        boolean stateReused,
        InputRate rate,
        Double capacityPerSecond,
        long lagBudgetMs,
        AppDescriptor app) {

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
        require(rate != null, "an input rate");
        require(capacityPerSecond == null || capacityPerSecond > 0, "a --capacity above 0");
        require(lagBudgetMs >= 1, "a --lag-budget-ms of at least 1");
        require(app == null || platform.runsDescribedApps(), "--platform local or "
                + "docker with --app: k3s and cluster do not run a described app yet");
        require(app == null || platform != PlatformKind.LOCAL || app.app().jar() != null, "an app.jar in the descriptor "
                + "with --app on --platform local, which runs the app's jar");
        require(app == null || platform != PlatformKind.DOCKER || app.app().image() != null, "an app.image in the "
                + "descriptor with --app on --platform docker, which runs the app's image");
        require(app == null || !rate.needsCapacity() || capacityPerSecond != null, "--rate (records a second) or --capacity "
                + "with --app: the capacity the harness measures is trade-stats', not your app's");
        require(app == null || partitions == app.inputs().get(0).partitions(), "with --app, the partitions of the "
                + "app's input topic (" + (app == null ? 0 : app.inputs().get(0).partitions()) + "), not " + partitions);
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

    /**
     * The scenarios in the order they run. Repetitions are interleaved: every cell runs once before any runs again,
     * in an order shuffled anew for each round (seeded by the plan's seed and the round), so that a drift of the
     * machine over a session (another job, a warmer page cache) spreads over the cells instead of falling on the
     * ones that happened to run last.
     */
    List<PlannedScenario> scenarios(long eventTimeStart) {
        List<PlannedScenario> scenarios = new ArrayList<>();
        if (stateReused) {
            for (ComparisonCell cell : cells) {
                scenarios.add(planned(cell, scenario(cell, 0, eventTimeStart).withId(id(cell))
                        .withFaultsOnState(repetitions)));
            }
            return scenarios;
        }
        for (int repetition = 0; repetition < repetitions; repetition++) {
            List<ComparisonCell> round = new ArrayList<>(cells);
            Collections.shuffle(round, new Random(seed + repetition));
            for (ComparisonCell cell : round) {
                scenarios.add(planned(cell, scenario(cell, repetition, eventTimeStart)
                        .withId(ScenarioSpec.repetitionId(id(cell), repetition + 1))));
            }
        }
        return scenarios;
    }

    /** How the input flows, for a reader of the progress: {@code at 50 % of the app's capacity (measured first)}. */
    String describeRate() {
        List<InputRate> rates = cells.stream().map(this::rateOf).distinct().toList();
        String shares = rates.size() == 1 ? "at " + rates.get(0) : "at each cell's own rate (" + String.join(", ",
                rates.stream().map(InputRate::toString).toList()) + ")";
        return shares + (needsCapacity() ? capacityPerSecond != null ? String.format(Locale.ROOT, " of %,.0f records/s, as given",
                capacityPerSecond) : ", the capacity measured first on this platform" : "");
    }

    /** Whether some scenario's input rate is a share of the app's capacity, which must then be measured or given. */
    boolean needsCapacity() {
        return cells.stream().anyMatch(cell -> rateOf(cell).needsCapacity());
    }

    private PlannedScenario planned(ComparisonCell cell, ScenarioSpec spec) {
        return new PlannedScenario(spec, rateOf(cell));
    }

    private InputRate rateOf(ComparisonCell cell) {
        return cell.rate() != null ? cell.rate() : rate;
    }

    private String id(ComparisonCell cell) {
        return platform + "-" + cell.name();
    }

    /** trade-stats. */
    ComparisonPlan(PlatformKind platform, List<ComparisonCell> cells, int replicas, int partitions, int repetitions,
            long seed, long sessionTimeoutMs, Map<String, String> appEnv, int malformedEvery, double lateFraction,
            Duration pauseLength, boolean stateReused, InputRate rate, Double capacityPerSecond, long lagBudgetMs) {
        this(platform, cells, replicas, partitions, repetitions, seed, sessionTimeoutMs, appEnv, malformedEvery,
                lateFraction, pauseLength, stateReused, rate, capacityPerSecond, lagBudgetMs, null);
    }

    /** The partitions chosen, else a described app's input topic's, else the scenarios' default. */
    static int partitions(Integer chosen, AppDescriptor app) {
        return chosen != null ? chosen : app != null ? app.inputs().get(0).partitions() : ScenarioSpec.DEFAULT_PARTITIONS;
    }

    private ScenarioSpec scenario(ComparisonCell cell, int repetition, long eventTimeStart) {
        // a described app takes only what its descriptor's placeholders and the run's own variables give it
        AppSettings settings = app != null ? AppSettings.exactlyOnce().withProcessingGuarantee(cell.guarantee())
                : AppSettings.forScenario(cell.guarantee(), sessionTimeoutMs);
        Map<String, String> env = new TreeMap<>(appEnv);
        env.putAll(cell.env());
        for (Map.Entry<String, String> variable : env.entrySet()) {
            settings = settings.withEnv(variable.getKey(), variable.getValue());
        }
        ScenarioSpec spec = ScenarioSpec.of(platform, cell.variant(), cell.fault(), cell.guarantee(), eventTimeStart)
                .withTopology(replicas, partitions)
                .withSettings(settings)
                .withWorkload(workload(seed + repetition, eventTimeStart, cell))
                .withPauseLength(pauseLength);
        return app == null ? spec : spec.withDescribed(app);
    }

    private WorkloadSpec workload(long workloadSeed, long eventTimeStart, ComparisonCell cell) {
        WorkloadSpec small = WorkloadSpec.small(workloadSeed, eventTimeStart).withStateOf(cell.stateRecords())
                .withInput(malformedEvery, lateFraction);
        return small.withLoad(small.ratePerSecond(), small.load().withLagBudget(lagBudgetMs));
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("a comparison needs " + what);
        }
    }
}

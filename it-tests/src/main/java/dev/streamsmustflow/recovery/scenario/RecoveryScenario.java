package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.history.AppEvent;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.Backlog;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.LagLevel;
import dev.streamsmustflow.recovery.history.OutputGap;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.nemesis.FaultScope;
import dev.streamsmustflow.recovery.nemesis.InjectedFault;
import dev.streamsmustflow.recovery.nemesis.UnsupportedFaultException;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.MachineUse;
import dev.streamsmustflow.recovery.platform.MachineUseSampler;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.PodView;
import dev.streamsmustflow.recovery.workload.InputFeed;
import dev.streamsmustflow.recovery.workload.SteadyInput;
import dev.streamsmustflow.recovery.workload.SteadyLoad;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs one scenario on a platform: send the state-building trades, deploy, wait until caught up, start the
 * input at its steady rate, inject the fault while it flows, wait for the recovery and until the lag is back at
 * its pre-fault level, stop the input and wait until all of it is processed, check the output with the oracle,
 * and derive the timeline and the backlog from the history. A scenario that hits its
 * state several times ({@link ScenarioSpec#faultsOnState()}) repeats the steps from the fault on, once the
 * assignment is balanced again, and checks the output once after the last.
 */
public final class RecoveryScenario {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** A fault's own action: a rolling restart replaces every pod, one after the other. */
    static final Duration FAULT_TIMEOUT = Duration.ofMinutes(15);
    /** The plain read of the changelogs before the fault: 10 million records take well under a minute here. */
    private static final Duration CHANGELOG_READ_TIMEOUT = Duration.ofMinutes(5);

    private final Platform platform;
    private final ScenarioSpec spec;
    private final Path resultsDir;
    private final Consumer<String> progress;
    private final History history = new History();
    private final AppUnderTest app;
    private String step = "starting";
    private Path logs;

    private RecoveryScenario(Platform platform, ScenarioSpec spec, Path resultsDir, Consumer<String> progress) {
        this.platform = platform;
        this.spec = spec;
        this.resultsDir = resultsDir;
        this.progress = progress;
        this.app = AppUnderTest.of(spec, resultsDir, progress);
    }

    /** Runs a scenario whose fault hits once, and returns its result. */
    public static RecoveryResult run(Platform platform, ScenarioSpec spec, Path resultsDir) {
        if (spec.faultsOnState() != 1) {
            throw new IllegalArgumentException(spec.id() + " hits its state " + spec.faultsOnState()
                    + " times: runAll returns a result for each");
        }
        return runAll(platform, spec, resultsDir, phase -> { }).get(0);
    }

    /**
     * Runs the scenario, tells {@code progress} each step as it begins, and returns a result for each time its
     * fault hit the state, in order.
     *
     * @throws UnsupportedFaultException before anything is deployed, when the platform cannot do the fault
     * @throws ScenarioFailedException when a step failed, naming the step, the seed and where the logs are
     */
    public static List<RecoveryResult> runAll(Platform platform, ScenarioSpec spec, Path resultsDir,
            Consumer<String> progress) {
        UnsupportedFaultException.refuseUnless(spec.fault(), platform.kind());
        return new RecoveryScenario(platform, spec, resultsDir, progress).run();
    }

    private List<RecoveryResult> run() {
        try {
            return runSteps();
        } catch (RuntimeException e) {
            throw new ScenarioFailedException(spec.id() + " failed while " + step + ": " + e.getMessage()
                    + "\n  seed " + spec.workload().seed() + ", event time start " + spec.workload().eventTimeStart()
                    + ", pod logs " + (logs == null ? "(none: nothing was deployed)" : logs) + ", history "
                    + historyFile(), e);
        } finally {
            try {
                // also after a failure: a described app's topics have its own names, which the next scenario needs
                app.deleteTopics(platform);
            } catch (RuntimeException e) {
                // the results stand; only the broker's disk keeps what the next scenarios do not need
                progress.accept("could not delete its topics: " + e.getMessage());
            }
            // after the teardown, so that the file holds it too; also when the scenario failed
            history.writeTo(historyFile());
        }
    }

    private List<RecoveryResult> runSteps() {
        DeploymentSpec deployment = spec.deployment();
        step("creating topics");
        app.createTopics(platform);
        StreamsGroupSettings.apply(platform.admin(), deployment.applicationId(), spec.settings());
        WorkloadSpec workload = spec.workload();
        List<FaultRound> rounds = new ArrayList<>();
        MachineUse used;
        try (MachineUseSampler machine = MachineUseSampler.start();
                InputFeed input = app.openInput(platform);
                DeployedApp deployed = platform.deploy(deployment, history)) {
            logs = deployed.logDirectory();
            Checkpoints checkpoints = new Checkpoints(platform, spec, history, logs);
            step("building state (" + (workload.stateRecords() > 0 ? workload.stateRecords() + " changelog records"
                    : workload.tradesBefore() + " records") + ")");
            workloadPhase("before");
            new StateBuilder(platform.admin(), deployment.applicationId(), progress)
                    .build(workload, input, () -> {
                        deployed.awaitReady(READY_TIMEOUT);
                        checkpoints.awaitCaughtUp();
                    });
            Set<String> hit = new LinkedHashSet<>();
            for (int n = 1; n <= spec.faultsOnState(); n++) {
                if (n > 1) {
                    step("waiting for a balanced assignment before fault " + n + " of " + spec.faultsOnState());
                    checkpoints.awaitBalanced(deployed);
                }
                checkpoints.awaitCaughtUp(EventType.CAUGHT_UP_BEFORE_FAULT);
                FaultRound round = faultRound(n, deployed, checkpoints, input, hit);
                round.targets().forEach(hit::add);
                rounds.add(round);
            }

            step("reading the output");
            app.readOutput(platform, history);
            used = machine.stop();
        }
        step("checking the output");
        AppUnderTest.Checked checked = app.check(platform);
        RecoveryResult.Evidence evidence = new RecoveryResult.Evidence(logs.toAbsolutePath().toString(),
                historyFile().toAbsolutePath().toString(), appVersion(), SourceCommit.current());
        List<RecoveryResult> results = new ArrayList<>();
        for (FaultRound round : rounds) {
            RecoveryResult result = round.result(spec, platform, checked.verdict(),
                    OutputGap.across(round.faultTime(), checked.updates()), used, evidence)
                    .withCrossCheck(checked.crossCheck());
            ResultFiles.write(result, resultsDir);
            results.add(result);
        }
        return results;
    }

    /**
     * The {@code n}th fault on the state: measures it, starts the input at its steady rate, measures the lag the app
     * keeps at that rate, injects the fault while the input flows, waits for the recovery and for the lag to be back
     * at its pre-fault level for the settle time, stops the input and waits until the app has processed all of it;
     * derives the timeline before a later fault adds to the history.
     */
    private FaultRound faultRound(int n, DeployedApp deployed, Checkpoints checkpoints, InputFeed input,
            Set<String> spared) {
        WorkloadSpec workload = spec.workload();
        SteadyLoad load = workload.load();
        int rate = workload.ratePerSecond();
        step("measuring the state" + of(n));
        ChangelogState stateBeforeFault = ChangelogState.read(platform.admin(), platform.bootstrapServers(),
                spec.deployment().applicationId(), CHANGELOG_READ_TIMEOUT);
        int sentBefore = input.sent();

        step("starting the input at " + rate + " records/s" + of(n));
        workloadPhase("steady");
        InjectedFault fault;
        try (LagWatch watch = checkpoints.watchLag(); SteadyInput steady = input.startSteady(rate)) {
            LagLevel level = checkpoints.measureLevel(watch, System.currentTimeMillis(), load, rate);
            step("injecting " + spec.fault() + of(n));
            fault = InjectedFault.start(spec.fault(),
                    new FaultScope(deployed, platform, history, spec.effectivePauseLength(), spared));
            fault.awaitEnd(FAULT_TIMEOUT);
            step("recovering" + of(n));
            fault.awaitExpectation(deployed, READY_TIMEOUT);
            checkpoints.awaitRecovered(deployed, READY_TIMEOUT);
            step("catching up under load" + of(n));
            checkpoints.awaitCaughtUp(watch, level, System.currentTimeMillis(), load.settleMs());
            workloadPhase("drain");
            steady.stop();
        }
        checkpoints.awaitCaughtUp(EventType.CAUGHT_UP_AFTER);
        checkpoints.awaitNoOpenTransactions();
        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault.started());
        Backlog backlog = Backlog.derive(history, fault.started(), timeline.caughtUp());
        step("reading what was restored again" + of(n));
        ChangelogState restoredReadAfter = ChangelogState.readRestored(platform.bootstrapServers(),
                spec.deployment().applicationId(), timeline.restores(), CHANGELOG_READ_TIMEOUT);
        return new FaultRound(n, fault.targets().stream().map(PodView::name).toList(), sentBefore,
                input.sent(), stateBeforeFault, timeline, backlog,
                PeakMemory.of(history, platform.brokerMemory()), restoredReadAfter);
    }

    private String of(int n) {
        return spec.faultsOnState() == 1 ? "" : " (" + n + " of " + spec.faultsOnState() + ")";
    }

    private void step(String description) {
        step = description;
        progress.accept(description);
    }

    private void workloadPhase(String name) {
        history.record(EventType.WORKLOAD_PHASE, Map.of("phase", name));
    }

    private Path historyFile() {
        return resultsDir.resolve(spec.id() + ".history.jsonl");
    }

    /** The version the app's pods reported in their {@code started} events, else the one its jar or image declares. */
    private String appVersion() {
        return history.select(event -> event.is(EventType.STARTED)).stream()
                .map(event -> new AppEvent(event).version())
                .filter(version -> version != null)
                .findFirst().orElseGet(() -> app.declaredVersion(platform));
    }
}

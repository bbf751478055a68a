package dev.streamsmustflow.recovery.nemesis;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.FaultEvent;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A fault that has begun: its start is in the history, its action runs on its own thread so that the
 * workload keeps coming meanwhile. Its end or its failure is recorded in the history when it comes.
 */
public final class InjectedFault {

    private final Fault fault;
    private final Nemesis nemesis;
    private final List<PodView> targets;
    private final HistoryEvent started;
    private final CompletableFuture<Void> action;

    private InjectedFault(Fault fault, Nemesis nemesis, List<PodView> targets, HistoryEvent started,
            CompletableFuture<Void> action) {
        this.fault = fault;
        this.nemesis = nemesis;
        this.targets = targets;
        this.started = started;
        this.action = action;
    }

    /**
     * Picks the targets among the running pods (those the scope spares offered last: stable sorting keeps the
     * platform's order otherwise), records the start, and starts the fault's action.
     */
    public static InjectedFault start(Fault fault, FaultScope scope) {
        Nemesis nemesis = fault.nemesis();
        DeployedApp app = scope.app();
        History history = scope.history();
        List<PodView> targets = nemesis.targets(app.pods().stream().filter(PodView::running)
                .sorted(Comparator.comparing(pod -> scope.spared().contains(pod.name())))
                .toList());
        HistoryEvent started = new FaultEvent(fault.name(),
                targets.stream().map(PodView::name).toList(), targets.stream().map(PodView::uid).toList())
                .recordIn(history);
        CompletableFuture<Void> action = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                nemesis.inject(scope, targets);
                FaultEvent.recordEnd(history, fault.name());
                action.complete(null);
            } catch (RuntimeException | Error e) {
                FaultEvent.recordFailure(history, fault.name(), e);
                action.completeExceptionally(e);
            }
        }, "nemesis-" + fault.name().toLowerCase(Locale.ROOT));
        runner.setDaemon(true);
        runner.start();
        return new InjectedFault(fault, nemesis, targets, started, action);
    }

    /** The {@link EventType#FAULT_INJECTED} event: t0 of the recovery. */
    public HistoryEvent started() {
        return started;
    }

    public List<PodView> targets() {
        return targets;
    }

    public Expectation expectation() {
        return nemesis.expectation();
    }

    /**
     * Waits until the fault's own action is over.
     *
     * @throws FaultFailedException when it failed or did not end in time, with the reason
     */
    public void awaitEnd(Duration timeout) {
        try {
            action.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new FaultFailedException(fault + " against " + names() + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new FaultFailedException(fault + " against " + names() + " did not end within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaultFailedException("interrupted while waiting for " + fault + " to end", e);
        }
    }

    /** Waits until the pods fulfil the fault's {@link Expectation}. */
    public void awaitExpectation(DeployedApp app, Duration timeout) {
        await(fault + ": pods " + names() + " " + expectation().description() + " (logs in " + app.logDirectory() + ")")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> expectation().metBy(targets, app.pods(), app.wantedReplicas()));
    }

    private List<String> names() {
        return targets.stream().map(PodView::name).toList();
    }
}

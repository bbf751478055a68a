package dev.streamsmustflow.recovery.workload;

/**
 * A scenario's input, whatever the app: batches that build the state before a fault, then records at a steady rate
 * while the fault hits. trade-stats' trades ({@link TradeInput}) or a described app's file replayed
 * ({@code workload.replay.ReplayInput}).
 */
public interface InputFeed extends AutoCloseable {

    /** Sends the next {@code count} records and returns once the broker acknowledged each. */
    void send(int count);

    /** Sends the next records at {@code ratePerSecond} from now until {@link SteadyInput#stop()}. */
    SteadyInput startSteady(int ratePerSecond);

    /** Records sent so far whose send has ended, acknowledged or not. */
    int sent();

    @Override
    void close();
}

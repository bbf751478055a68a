package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.workload.InputFeed;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * Sends the trades that build the state before the fault until the changelogs hold the records the
 * workload asks for, counted by their end offsets. How many changelog records a trade makes depends on
 * how much Kafka Streams' record cache merges between two commits, which depends on the machine's speed,
 * so it is measured after each round and the next round sends what that rate says is missing.
 */
final class StateBuilder {

    /** The most trades one round sends: what the app processes well within the catch-up wait on 2 cores. */
    static final int MAX_ROUND = 500_000;

    private final Admin admin;
    private final String applicationId;
    private final Consumer<String> progress;

    StateBuilder(Admin admin, String applicationId, Consumer<String> progress) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.progress = progress;
    }

    /**
     * Sends {@code workload.tradesBefore()} records, waits with {@code caughtUp} until the app processed
     * them, and, while the changelogs hold fewer than {@code workload.stateRecords()}, more.
     *
     * @return the records sent before the fault
     * @throws IllegalStateException when a round added no changelog record
     */
    int build(WorkloadSpec workload, InputFeed input, Runnable caughtUp) {
        long sent = 0;
        long next = workload.tradesBefore();
        long changelogRecords = 0;
        while (true) {
            long round = Math.min(next, MAX_ROUND);
            input.send(Math.toIntExact(round));
            sent += round;
            caughtUp.run();
            if (workload.stateRecords() == 0) {
                return Math.toIntExact(sent);
            }
            long before = changelogRecords;
            changelogRecords = ChangelogState.endOffsets(admin, applicationId);
            progress.accept("building state: " + changelogRecords + " of " + workload.stateRecords()
                    + " changelog records after " + sent + " trades");
            if (changelogRecords >= workload.stateRecords()) {
                return Math.toIntExact(sent);
            }
            if (changelogRecords <= before) {
                throw new IllegalStateException("the changelogs of " + applicationId + " still held " + changelogRecords
                        + " records after " + round + " more trades (" + sent + " in all), fewer than the "
                        + workload.stateRecords() + " asked for");
            }
            next = nextRound(workload.stateRecords() - changelogRecords, changelogRecords, sent);
        }
    }

    /**
     * The trades that should make the {@code missing} records at the rate seen so far, 5 % more so that
     * the last round is rarely short; at least one trade.
     */
    static long nextRound(long missing, long changelogRecords, long sent) {
        double recordsPerTrade = (double) changelogRecords / sent;
        return Math.max(1, (long) Math.ceil(missing / recordsPerTrade * 1.05));
    }
}

package dev.streamsmustflow.recovery.cli;

import static dev.streamsmustflow.recovery.deployment.ProcessingGuarantee.AT_LEAST_ONCE;
import static dev.streamsmustflow.recovery.deployment.ProcessingGuarantee.EXACTLY_ONCE_V2;
import static dev.streamsmustflow.recovery.deployment.Variant.DEPLOYMENT;
import static dev.streamsmustflow.recovery.deployment.Variant.STATEFUL_SET;

import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.deployment.GroupProtocol;
import dev.streamsmustflow.recovery.deployment.PodManagementPolicy;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.workload.InputRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The named comparisons of {@code ./compare --matrix NAME}: each varies one factor at a time against a
 * stated baseline cell, so that the report can put every effect down to one setting, and repeats every
 * cell {@value #REPETITIONS} times, so that an effect is shown against the spread of its runs.
 */
enum MatrixPreset {

    VARIANTS("at 500,000 changelog records: the StatefulSet's volume, static membership and the Deployment's standby replicas, each varied alone: "
            + "StatefulSet with and without static membership, Deployment with and without NUM_STANDBY_REPLICAS=1, "
            + "under POD_KILL and POD_DELETE; and under POD_DELETE the Deployment with LEAVE_GROUP_ON_CLOSE=true") {
        @Override
        List<ComparisonCell> cells() {
            List<ComparisonCell> cells = new ArrayList<>();
            for (Fault fault : List.of(Fault.POD_KILL, Fault.POD_DELETE)) {
                ComparisonCell statefulSet = ComparisonCell.of(STATEFUL_SET, fault, EXACTLY_ONCE_V2, STATE_RECORDS);
                ComparisonCell deployment = ComparisonCell.of(DEPLOYMENT, fault, EXACTLY_ONCE_V2, STATE_RECORDS);
                cells.add(statefulSet);
                // the StatefulSet without static membership differs from the Deployment only in its volume
                cells.add(statefulSet.with("dynamic", AppVariable.STATIC_MEMBERSHIP.name(), "false"));
                cells.add(deployment);
                cells.add(deployment.with("standby", AppVariable.NUM_STANDBY_REPLICAS.name(), "1"));
                if (fault == Fault.POD_DELETE) {
                    // a crash closes nothing: leaving on close can only change a graceful delete
                    cells.add(deployment.with("leave", AppVariable.LEAVE_GROUP_ON_CLOSE.name(), "true"));
                }
            }
            return cells;
        }
    },

    GUARANTEES("exactly-once against at-least-once, and exactly-once with TRANSACTIONAL_STATE_STORES=true (KIP-892), "
            + "for both variants under POD_KILL and POD_DELETE") {
        @Override
        List<ComparisonCell> cells() {
            List<ComparisonCell> cells = new ArrayList<>();
            for (Fault fault : List.of(Fault.POD_KILL, Fault.POD_DELETE)) {
                for (Variant variant : Variant.values()) {
                    ComparisonCell exactlyOnce = ComparisonCell.of(variant, fault, EXACTLY_ONCE_V2, STATE_RECORDS);
                    cells.add(exactlyOnce);
                    cells.add(ComparisonCell.of(variant, fault, AT_LEAST_ONCE, STATE_RECORDS));
                    cells.add(exactlyOnce.with("kip892", AppVariable.TRANSACTIONAL_STATE_STORES.name(), "true"));
                }
            }
            return cells;
        }
    },

    PROTOCOL("GROUP_PROTOCOL=classic against streams (KIP-1071), for both variants under POD_KILL and POD_DELETE, and "
            + "the Deployment with NUM_STANDBY_REPLICAS=1 under each (set as the streams group's setting where that "
            + "protocol takes it)") {
        @Override
        List<ComparisonCell> cells() {
            List<ComparisonCell> cells = new ArrayList<>();
            for (Fault fault : List.of(Fault.POD_KILL, Fault.POD_DELETE)) {
                for (Variant variant : Variant.values()) {
                    ComparisonCell classic = ComparisonCell.of(variant, fault, EXACTLY_ONCE_V2, STATE_RECORDS);
                    ComparisonCell streams = classic.with("streams", AppVariable.GROUP_PROTOCOL.name(), GroupProtocol.STREAMS.setting());
                    cells.add(classic);
                    cells.add(streams);
                    if (variant == DEPLOYMENT) {
                        cells.add(classic.with("standby", AppVariable.NUM_STANDBY_REPLICAS.name(), "1"));
                        cells.add(streams.with("standby", AppVariable.NUM_STANDBY_REPLICAS.name(), "1"));
                    }
                }
            }
            return cells;
        }
    },

    LOAD("the input's rate through the fault at 25 %, 50 % and 90 % of the app's capacity (measured first), for both "
            + "variants under POD_KILL at 500,000 changelog records: how the backlog a recovery leaves (peak lag, time to "
            + "drain it) grows with the load, and at what load a Deployment's recovery stops fitting in a lag budget "
            + "(--lag-budget-ms)") {
        @Override
        List<ComparisonCell> cells() {
            List<ComparisonCell> cells = new ArrayList<>();
            for (int percent : LOAD_PERCENTS) {
                for (Variant variant : Variant.values()) {
                    cells.add(ComparisonCell.of(variant, Fault.POD_KILL, EXACTLY_ONCE_V2, STATE_RECORDS)
                            .withRate("load" + percent, InputRate.ofCapacity(percent)));
                }
            }
            return cells;
        }

        @Override
        boolean setsItsOwnRate() {
            return true;
        }
    },

    SEED("the talk's recommendations that one machine can measure: small changelog segments (Deployment, "
            + "POD_KILL), StatefulSet against Deployment at 100,000 and 500,000 changelog records (POD_KILL), "
            + "parallel pod management (StatefulSet under KILL_ALL, POD_MANAGEMENT_POLICY=OrderedReady against the "
            + "manifests' Parallel), and scaling out then in (SCALE_OUT, SCALE_IN) for both variants") {
        @Override
        List<ComparisonCell> cells() {
            List<ComparisonCell> cells = new ArrayList<>();
            ComparisonCell restoresAll = ComparisonCell.of(DEPLOYMENT, Fault.POD_KILL, EXACTLY_ONCE_V2, STATE_RECORDS);
            cells.add(restoresAll);
            // 1 MiB segments, cleaned as soon as a tenth is dirty: the log cleaner can compact all but the active one
            cells.add(restoresAll.with("small-segments", "KAFKA_STREAMS_TOPIC_SEGMENT_BYTES", "1048576")
                    .with("eager-cleaner", "KAFKA_STREAMS_TOPIC_MIN_CLEANABLE_DIRTY_RATIO", "0.1"));
            for (long size : List.of(SMALL_STATE, STATE_RECORDS)) {
                for (Variant variant : Variant.values()) {
                    if (!(variant == DEPLOYMENT && size == STATE_RECORDS)) {
                        cells.add(ComparisonCell.of(variant, Fault.POD_KILL, EXACTLY_ONCE_V2, size));
                    }
                }
            }
            ComparisonCell parallel = ComparisonCell.of(STATEFUL_SET, Fault.KILL_ALL, EXACTLY_ONCE_V2, STATE_RECORDS);
            cells.add(parallel);
            cells.add(parallel.with("ordered-ready", PodManagementPolicy.SETTING, PodManagementPolicy.ORDERED_READY.field()));
            for (Fault fault : List.of(Fault.SCALE_OUT, Fault.SCALE_IN)) {
                for (Variant variant : Variant.values()) {
                    cells.add(ComparisonCell.of(variant, fault, EXACTLY_ONCE_V2, STATE_RECORDS));
                }
            }
            return cells;
        }
    },

    RESTORE("the restore consumer's settings, each against Kafka Streams' defaults, for a Deployment that restores "
            + "everything (POD_KILL, 500,000 changelog records): max.poll.records 10,000 instead of 1,000, "
            + "max.partition.fetch.bytes 8 MiB instead of 1 MiB; the report sets each restore against a plain read of "
            + "the same changelog partitions and offsets right after the recovery") {
        @Override
        List<ComparisonCell> cells() {
            ComparisonCell restoresAll = ComparisonCell.of(DEPLOYMENT, Fault.POD_KILL, EXACTLY_ONCE_V2, STATE_RECORDS);
            return List.of(restoresAll,
                    restoresAll.with("poll-10000", "KAFKA_STREAMS_RESTORE_CONSUMER_MAX_POLL_RECORDS", "10000"),
                    restoresAll.with("fetch-8mib", "KAFKA_STREAMS_RESTORE_CONSUMER_MAX_PARTITION_FETCH_BYTES", "8388608"));
        }
    },

    SCALING("both variants under POD_KILL at 100 thousand to 10 million changelog records, for the restore-time fit; "
            + "each cell builds its state once and kills a pod not killed before for each repetition, once every pod "
            + "holds an active task and no warm-up again (probing.rebalance.interval.ms 60 s, its least, so that a "
            + "Deployment's replacement gets its tasks within minutes; state.cleanup.delay.ms 1 s, so that no pod keeps a "
            + "copy of a task that moved away); about 45 minutes on 2 cores") {
        @Override
        List<ComparisonCell> cells() {
            List<ComparisonCell> cells = new ArrayList<>();
            for (long size : List.of(100_000L, 300_000L, 1_000_000L, 3_000_000L, 10_000_000L)) {
                for (Variant variant : Variant.values()) {
                    cells.add(ComparisonCell.of(variant, Fault.POD_KILL, EXACTLY_ONCE_V2, size)
                            .withShared("KAFKA_STREAMS_PROBING_REBALANCE_INTERVAL_MS", "60000")
                            .withShared("KAFKA_STREAMS_STATE_CLEANUP_DELAY_MS", "1000"));
                }
            }
            return cells;
        }

        @Override
        boolean reusesState() {
            return true;
        }
    };

    /** Runs of every cell: the fewest that give a spread to compare an effect with. */
    static final int REPETITIONS = 3;

    /** The state of most presets' cells, in changelog records. */
    static final long STATE_RECORDS = 500_000;

    /** The smaller state of the seed preset's StatefulSet-against-Deployment cells. */
    static final long SMALL_STATE = 100_000;

    private final String description;

    MatrixPreset(String description) {
        this.description = description;
    }

    /** The cells, the baseline of each factor first. */
    abstract List<ComparisonCell> cells();

    /** The loads of the {@code load} preset, in percent of the capacity. */
    static final List<Integer> LOAD_PERCENTS = List.of(25, 50, 90);

    /** Whether the preset's cells set their input rates themselves ({@code --rate} and {@code --load-percent} would not count). */
    boolean setsItsOwnRate() {
        return false;
    }

    /** Whether the repetitions of a cell hit one state built once ({@code --reuse-state}). */
    boolean reusesState() {
        return false;
    }

    String description() {
        return description;
    }

    /** The help's list of the {@code --matrix} presets, each with what it varies. */
    static String helpSection(CommandLine.Help help) {
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
                new CommandLine.Help.Column(14, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(help.commandSpec().usageMessage().width() - 14, 1,
                        CommandLine.Help.Column.Overflow.WRAP));
        for (MatrixPreset preset : MatrixPreset.values()) {
            table.addRowValues(preset.toString(), preset.description());
        }
        return String.format("Matrix presets (--matrix):%n") + table;
    }

    /** The name on the command line: {@code variants}, {@code guarantees}, ... */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.streamsmustflow.recovery.workload.replay;

import dev.streamsmustflow.recovery.deployment.descriptor.InputTopic;
import dev.streamsmustflow.recovery.workload.InputFeed;
import dev.streamsmustflow.recovery.workload.SteadyInput;
import java.nio.file.Path;

/**
 * A described app's input: its file replayed without end ({@link EndlessReplay}), or its generator class's records
 * ({@link GeneratedRecords}), to its input topic, the earliest timestamp moved to an hour before the run's
 * event-time start. Each pass of the file advances event time by the
 * file's span, faster than the wall clock while the state is built; the broker refuses a record stamped more than an
 * hour ahead of its clock ({@code log.message.timestamp.after.max.ms}), so the replay has two hours of event time
 * before it would be refused: a 30 s file, 240 passes.
 */
public final class ReplayInput implements InputFeed {

    /** How far before the run's event-time start the replay starts. */
    static final long HEADROOM_MS = 60 * 60 * 1_000L;

    private final RecordSource records;
    private final ReplayProducer producer;

    /**
     * @param seed what a generator class is made with
     * @param appJar the app's jar, where a generator is that names no jar of its own; null for none
     * @throws IllegalArgumentException when the file has a bad line or no record, or the generator cannot be made
     */
    public ReplayInput(InputTopic topic, long eventTimeStart, String bootstrapServers, long seed, String appJar) {
        long startMs = eventTimeStart - HEADROOM_MS;
        this.records = topic.source().file() != null
                ? new EndlessReplay(RecordFile.read(Path.of(topic.source().file()), topic), startMs)
                : GeneratedRecords.load(topic.source().generator(), appJar, topic, seed, startMs);
        this.producer = new ReplayProducer(bootstrapServers, topic.topic());
    }

    /**
     * Reads the topic's file, or makes its generator once and closes it again, before anything runs, so that a
     * source the run could not use is refused at the start.
     *
     * @throws IllegalArgumentException what the run would have thrown at its input: a bad line, no record, a class
     *     that is no generator
     */
    public static void refuseUnusable(InputTopic topic, String appJar) {
        if (topic.source().file() != null) {
            RecordFile.read(Path.of(topic.source().file()), topic);
        } else {
            GeneratedRecords.load(topic.source().generator(), appJar, topic, 0, 0).close();
        }
    }

    @Override
    public void send(int count) {
        producer.sendAll(records.take(count));
    }

    @Override
    public SteadyInput startSteady(int ratePerSecond) {
        return producer.startSteady(records::next, ratePerSecond);
    }

    @Override
    public int sent() {
        return producer.sent();
    }

    /** What was sent, for the reference. */
    public ReplayProducer producer() {
        return producer;
    }

    @Override
    public void close() {
        try {
            producer.close();
        } finally {
            if (records instanceof GeneratedRecords generated) {
                generated.close();
            }
        }
    }
}

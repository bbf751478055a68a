package dev.streamsmustflow.recovery.workload.replay;

import dev.streamsmustflow.recovery.deployment.descriptor.InputTopic;
import dev.streamsmustflow.recovery.workload.InputFeed;
import dev.streamsmustflow.recovery.workload.SteadyInput;
import java.nio.file.Path;

/**
 * A described app's input: its file replayed without end ({@link EndlessReplay}) to its input topic, the earliest
 * timestamp moved to an hour before the run's event-time start. Each pass of the file advances event time by the
 * file's span, faster than the wall clock while the state is built; the broker refuses a record stamped more than an
 * hour ahead of its clock ({@code log.message.timestamp.after.max.ms}), so the replay has two hours of event time
 * before it would be refused: a 30 s file, 240 passes.
 */
public final class ReplayInput implements InputFeed {

    /** How far before the run's event-time start the replay starts. */
    static final long HEADROOM_MS = 60 * 60 * 1_000L;

    private final EndlessReplay records;
    private final ReplayProducer producer;

    /**
     * @throws IllegalArgumentException when the topic's source is not a file, or the file has a bad line or no record
     */
    public ReplayInput(InputTopic topic, long eventTimeStart, String bootstrapServers) {
        if (topic.source().file() == null) {
            throw new IllegalArgumentException(topic.topic() + ": the harness replays a file of records; a generator "
                    + "class (" + topic.source().generator().className() + ") is not run yet");
        }
        this.records = new EndlessReplay(RecordFile.read(Path.of(topic.source().file()), topic),
                eventTimeStart - HEADROOM_MS);
        this.producer = new ReplayProducer(bootstrapServers, topic.topic());
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
        producer.close();
    }
}

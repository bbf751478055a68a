package dev.streamsmustflow.recovery.workload.replay;

import dev.streamsmustflow.recovery.workload.Pacer;
import dev.streamsmustflow.recovery.workload.SteadyInput;
import dev.streamsmustflow.recovery.workload.WorkloadProducer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends a described app's input records as they are (their bytes, their timestamps, their partition where a record
 * names one, else the producer's choice by key) and keeps what the broker acknowledged with the partition it went
 * to: the input a reference is computed from is the input the run was given, in the order the app reads it. A
 * record whose send failed may or may not be in the topic: it is counted as indeterminate.
 */
public final class ReplayProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Pacer pacer;
    private final List<ReplayRecord> acknowledged = new ArrayList<>();
    private final List<ReplayRecord> indeterminate = new ArrayList<>();
    private Exception firstError;

    public ReplayProducer(String bootstrapServers, String topic) {
        this.topic = topic;
        this.pacer = new Pacer("replay-pacer-" + topic);
        this.producer = new KafkaProducer<>(WorkloadProducer.settings(bootstrapServers, "replay-" + topic),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Sends the records in order and returns once the broker acknowledged each.
     *
     * @throws IllegalStateException when a record could not be sent
     */
    public void sendAll(List<ReplayRecord> records) {
        int failedBefore = indeterminate().size();
        records.forEach(this::send);
        producer.flush();
        List<ReplayRecord> failed = indeterminate();
        if (failed.size() > failedBefore) {
            Exception error;
            synchronized (acknowledged) {
                error = firstError;
            }
            throw new IllegalStateException("could not send line " + failed.get(failedBefore).line() + " (timestamp "
                    + failed.get(failedBefore).timestamp() + ") to " + topic + ", " + (failed.size() - failedBefore)
                    + " records in all: " + error, error);
        }
    }

    /** Starts sending {@code source}'s records at {@code ratePerSecond}, from now until {@link SteadyInput#stop()}. */
    public SteadyInput startSteady(Supplier<ReplayRecord> source, int ratePerSecond) {
        return pacer.start(() -> send(source.get()), ratePerSecond, producer::flush);
    }

    /**
     * What the broker acknowledged, each partition's records in offset order, each record with the partition it
     * went to: the input as the app reads it, for the reference.
     */
    public List<ReplayRecord> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    /** Records whose send failed: they may be in the topic or not, so no reference can be sure of them. */
    public List<ReplayRecord> indeterminate() {
        synchronized (acknowledged) {
            return List.copyOf(indeterminate);
        }
    }

    /** Records handed to the producer whose send has ended, acknowledged or not. */
    public int sent() {
        synchronized (acknowledged) {
            return acknowledged.size() + indeterminate.size();
        }
    }

    private void send(ReplayRecord record) {
        producer.send(new ProducerRecord<>(topic, record.partition(), record.timestamp(), record.key(), record.value()),
                (metadata, error) -> {
                    synchronized (acknowledged) {
                        if (error == null) {
                            acknowledged.add(new ReplayRecord(record.key(), record.value(), record.timestamp(),
                                    metadata.partition(), record.line()));
                        } else {
                            indeterminate.add(record);
                            if (firstError == null) {
                                firstError = error;
                            }
                        }
                    }
                });
    }

    @Override
    public void close() {
        pacer.close();
        producer.close(Duration.ofSeconds(10));
    }
}

package dev.streamsmustflow.recovery.workload.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends a described app's input records as they are (their bytes, their timestamps, their partition where a record
 * names one, else the producer's choice by key) and keeps what the broker acknowledged with the partition it went
 * to: the input a reference is computed from is the input the run was given, in the order the app reads it.
 */
public final class ReplayProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final List<ReplayRecord> acknowledged = new ArrayList<>();

    public ReplayProducer(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "replay-" + topic),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Sends the records in order and returns once the broker acknowledged each.
     *
     * @throws IllegalStateException naming the record's line when one could not be sent
     */
    public void sendAll(List<ReplayRecord> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ReplayRecord record : records) {
            acks.add(producer.send(new ProducerRecord<>(topic, record.partition(), record.timestamp(), record.key(),
                    record.value())));
        }
        producer.flush();
        for (int i = 0; i < records.size(); i++) {
            try {
                RecordMetadata metadata = acks.get(i).get();
                ReplayRecord record = records.get(i);
                synchronized (acknowledged) {
                    acknowledged.add(new ReplayRecord(record.key(), record.value(), record.timestamp(),
                            metadata.partition(), record.line()));
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not send line " + records.get(i).line() + " to " + topic + ": "
                        + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending to " + topic, e);
            }
        }
    }

    /**
     * What the broker acknowledged, in the order it was sent (so each partition's records in offset order), each
     * record with the partition it went to: the input as the app reads it, for the reference.
     */
    public List<ReplayRecord> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}

package dev.streamsmustflow.recovery.workload;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends generated records to the input topic with an idempotent producer (no duplicates, order kept
 * per partition, so per symbol) and records what was sent and where it landed.
 */
public final class WorkloadProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final SentRecords sent = new SentRecords();
    private final Pacer pacer = new Pacer("workload-pacer");

    public WorkloadProducer(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(settings(bootstrapServers, "workload-" + topic), new StringSerializer(),
                new StringSerializer());
    }

    /** Sends as fast as the broker takes them and returns when every send is acknowledged or failed. */
    public void sendAll(List<? extends WorkloadRecord> records) {
        records.forEach(this::send);
        producer.flush();
    }

    /**
     * Starts sending {@code source}'s records at {@code ratePerSecond}, from now until {@link SteadyInput#stop()}:
     * every 20 ms what is due by then. A send the producer blocks on (its buffer full while the broker is away)
     * delays the next; the records due meanwhile follow as soon as it returns, so the rate holds on average.
     */
    public SteadyInput startSteady(Supplier<WorkloadRecord> source, int ratePerSecond) {
        return pacer.start(() -> send(source.get()), ratePerSecond, producer::flush);
    }

    /**
     * How the harness sends input, whatever the app: idempotent, acknowledged by every replica, batched for 5 ms,
     * given up after a minute.
     */
    public static Map<String, Object> settings(String bootstrapServers, String clientId) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.CLIENT_ID_CONFIG, clientId);
    }

    public SentRecords sent() {
        return sent;
    }

    private void send(WorkloadRecord record) {
        producer.send(new ProducerRecord<>(topic, record.key(), record.value()), (metadata, error) -> {
            if (error == null) {
                sent.acknowledged(record, metadata.partition(), metadata.offset());
            } else {
                sent.indeterminate(record);
            }
        });
    }

    @Override
    public void close() {
        pacer.close();
        producer.close(Duration.ofSeconds(10));
    }
}

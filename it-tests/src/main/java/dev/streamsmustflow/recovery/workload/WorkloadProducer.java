package dev.streamsmustflow.recovery.workload;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends generated records to the input topic with an idempotent producer (no duplicates, order kept
 * per partition, so per symbol) and records what was sent and where it landed.
 */
public final class WorkloadProducer implements AutoCloseable {

    private static final long TICK_MS = 20;

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final SentRecords sent = new SentRecords();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "workload-pacer");
        thread.setDaemon(true);
        return thread;
    });

    public WorkloadProducer(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.CLIENT_ID_CONFIG, "workload-" + topic),
                new StringSerializer(), new StringSerializer());
    }

    /** Sends as fast as the broker takes them and returns when every send is acknowledged or failed. */
    public void sendAll(List<? extends WorkloadRecord> records) {
        records.forEach(this::send);
        producer.flush();
    }

    /** Sends at {@code ratePerSecond}; the future completes when all are acknowledged or failed. */
    public CompletableFuture<Void> sendPaced(List<? extends WorkloadRecord> records, int ratePerSecond) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (records.isEmpty()) {
            done.complete(null);
            return done;
        }
        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = pacer.scheduleAtFixedRate(() -> {
            try {
                long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
                int due = (int) Math.min(records.size(), (elapsedMs + TICK_MS) * ratePerSecond / 1000);
                while (next.get() < due) {
                    send(records.get(next.getAndIncrement()));
                }
                if (next.get() == records.size()) {
                    producer.flush();
                    done.complete(null);
                    task[0].cancel(false);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                task[0].cancel(false);
            }
        }, 0, TICK_MS, TimeUnit.MILLISECONDS);
        return done;
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
        pacer.shutdownNow();
        producer.close(Duration.ofSeconds(10));
    }
}

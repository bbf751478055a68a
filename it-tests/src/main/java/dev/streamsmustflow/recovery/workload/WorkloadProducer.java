package dev.streamsmustflow.recovery.workload;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * Starts sending {@code source}'s records at {@code ratePerSecond}, from now until {@link SteadyInput#stop()}:
     * every 20 ms what is due by then. A send the producer blocks on (its buffer full while the broker is away)
     * delays the next; the records due meanwhile follow as soon as it returns, so the rate holds on average.
     */
    public SteadyInput startSteady(Supplier<WorkloadRecord> source, int ratePerSecond) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("ratePerSecond must be at least 1, was " + ratePerSecond);
        }
        long started = System.nanoTime();
        AtomicLong next = new AtomicLong();
        CompletableFuture<Void> failed = new CompletableFuture<>();
        ScheduledFuture<?> task = pacer.scheduleAtFixedRate(() -> {
            try {
                long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
                long due = elapsedMs * ratePerSecond / 1000;
                while (next.get() < due) {
                    send(source.get());
                    next.incrementAndGet();
                }
            } catch (RuntimeException e) {
                failed.completeExceptionally(e);
                throw e;
            }
        }, 0, TICK_MS, TimeUnit.MILLISECONDS);
        return new SteadyInput(task, failed, this::flushAfterPacing, next::get);
    }

    private void flushAfterPacing() {
        try {
            pacer.submit(producer::flush).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot flush the input: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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

package dev.streamsmustflow.recovery.workload;

/**
 * trade-stats' input: the seeded trades (and malformed records) of a workload, to its input topic. While the input
 * flows at a steady rate, event time advances as the wall clock does ({@link TradeGenerator#pacedAt}).
 */
public final class TradeInput implements InputFeed {

    private final TradeGenerator generator;
    private final WorkloadProducer producer;

    public TradeInput(WorkloadSpec workload, long graceMs, String bootstrapServers, String topic) {
        this.generator = new TradeGenerator(workload, graceMs);
        this.producer = new WorkloadProducer(bootstrapServers, topic);
    }

    @Override
    public void send(int count) {
        producer.sendAll(generator.take(count));
    }

    @Override
    public SteadyInput startSteady(int ratePerSecond) {
        generator.pacedAt(ratePerSecond);
        return producer.startSteady(generator::next, ratePerSecond);
    }

    @Override
    public int sent() {
        return producer.sent().count();
    }

    /** What was sent, for the oracle. */
    public SentRecords records() {
        return producer.sent();
    }

    @Override
    public void close() {
        producer.close();
    }
}

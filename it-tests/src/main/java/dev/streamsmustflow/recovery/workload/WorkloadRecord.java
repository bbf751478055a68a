package dev.streamsmustflow.recovery.workload;

/** One record a workload sends to the input topic: a trade, or a malformed record the app must dead-letter. */
public sealed interface WorkloadRecord permits GeneratedTrade, MalformedRecord {

    /** Position in the generated sequence: the same seed gives the same record at the same position. */
    long sequence();

    /** The record key: a symbol, which also picks the partition. */
    String key();

    /** The record value as sent; null for a null value. */
    String value();
}

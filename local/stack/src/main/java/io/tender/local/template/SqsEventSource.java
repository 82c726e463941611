package io.tender.local.template;

/** An {@code SQS} event: the queue (by logical id) polled for this function. */
public record SqsEventSource(
    String eventName,
    String queueLogicalId,
    int batchSize,
    int maximumBatchingWindowSeconds,
    boolean reportBatchItemFailures,
    boolean enabled) {}

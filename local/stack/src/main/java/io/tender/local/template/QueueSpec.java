package io.tender.local.template;

import java.util.Optional;

/** An {@code AWS::SQS::Queue}; defaults are SQS's own where the template is silent. */
public record QueueSpec(
    String logicalId,
    String queueName,
    boolean fifo,
    boolean contentBasedDeduplication,
    int visibilityTimeoutSeconds,
    int delaySeconds,
    int messageRetentionSeconds,
    Optional<Redrive> redrive) {

  /** {@code RedrivePolicy}: where messages go after {@code maxReceiveCount} receives. */
  public record Redrive(String deadLetterQueueLogicalId, int maxReceiveCount) {}
}

package io.tender.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;

/** Reads an {@code AWS::SQS::Queue}; defaults are SQS's own. */
final class QueueReader {
  static final int DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
  static final int DEFAULT_DELAY_SECONDS = 0;
  static final int DEFAULT_MESSAGE_RETENTION_SECONDS = 345_600;
  private static final String FIFO_SUFFIX = ".fifo";
  private static final ObjectMapper JSON = new ObjectMapper();

  private QueueReader() {}

  /** {@code QueueName}, or the default name with {@code .fifo} appended for a FIFO queue. */
  static String queueName(Props props, String defaultName) {
    boolean fifo = props.bool("FifoQueue", false);
    Optional<String> given = props.string("QueueName");
    if (given.isEmpty()) {
      return fifo ? defaultName + FIFO_SUFFIX : defaultName;
    }
    String name = given.get();
    if (fifo && !name.endsWith(FIFO_SUFFIX)) {
      throw props
          .at("QueueName")
          .error("a FIFO queue's name must end in '.fifo', not '" + name + "'");
    }
    if (!fifo && name.endsWith(FIFO_SUFFIX)) {
      throw props
          .at("QueueName")
          .error("only a FIFO queue's name may end in '.fifo'; set FifoQueue: true");
    }
    return name;
  }

  static QueueSpec read(DeclaredResource queue, Stack stack) {
    Props props = stack.properties(queue);
    boolean fifo = props.bool("FifoQueue", false);
    boolean contentBasedDeduplication = props.bool("ContentBasedDeduplication", false);
    if (contentBasedDeduplication && !fifo) {
      throw props.at("ContentBasedDeduplication").error("applies only to FIFO queues");
    }
    return new QueueSpec(
        queue.logicalId(),
        stack.physicalName(queue),
        fifo,
        contentBasedDeduplication,
        props.integer("VisibilityTimeout", DEFAULT_VISIBILITY_TIMEOUT_SECONDS),
        props.integer("DelaySeconds", DEFAULT_DELAY_SECONDS),
        props.integer("MessageRetentionPeriod", DEFAULT_MESSAGE_RETENTION_SECONDS),
        redrive(props, fifo, stack));
  }

  private static Optional<QueueSpec.Redrive> redrive(Props props, boolean fifo, Stack stack) {
    Where where = props.at("RedrivePolicy");
    Optional<Props> policy =
        props.get("RedrivePolicy").map(value -> Props.resolved(jsonOrMap(value, where), where));
    if (policy.isEmpty()) {
      return Optional.empty();
    }
    String target = policy.get().requiredString("deadLetterTargetArn");
    DeclaredResource deadLetterQueue =
        stack
            .queueWithArn(target)
            .orElseThrow(
                () ->
                    where
                        .at("deadLetterTargetArn")
                        .error("'" + target + "' is not the Arn of a queue in this template"));
    if (stack.physicalName(deadLetterQueue).endsWith(FIFO_SUFFIX) != fifo) {
      throw where
          .at("deadLetterTargetArn")
          .error(
              "the dead-letter queue '%s' must be %s, like this queue"
                  .formatted(deadLetterQueue.logicalId(), fifo ? "FIFO" : "a standard queue"));
    }
    int maxReceiveCount =
        policy
            .get()
            .integer("maxReceiveCount")
            .orElseThrow(() -> where.error("maxReceiveCount is missing"));
    return Optional.of(new QueueSpec.Redrive(deadLetterQueue.logicalId(), maxReceiveCount));
  }

  /** CloudFormation takes RedrivePolicy as a map or as its JSON text. */
  private static Object jsonOrMap(Object value, Where where) {
    if (!(value instanceof String json)) {
      return value;
    }
    try {
      return JSON.readValue(json, Map.class);
    } catch (JsonProcessingException e) {
      throw where.error("is neither a map nor JSON: " + e.getOriginalMessage());
    }
  }
}

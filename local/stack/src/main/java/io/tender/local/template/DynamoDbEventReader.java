package io.tender.local.template;

import io.tender.local.template.DynamoDbEventSource.StartingPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code DynamoDB} event with the limits Lambda puts on a DynamoDB event source mapping,
 * so that a mapping AWS would refuse is refused here too, naming the property.
 */
final class DynamoDbEventReader {
  static final int DEFAULT_BATCH_SIZE = 100;
  private static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";

  /** Properties that change what is delivered in ways the runner does not reproduce. */
  private static final Set<String> NOT_SERVED =
      Set.of("TumblingWindowInSeconds", "StartingPositionTimestamp");

  private DynamoDbEventReader() {}

  static DynamoDbEventSource read(String eventName, Props props, Stack stack) {
    for (String property : NOT_SERVED) {
      if (props.get(property).isPresent()) {
        throw props.at(property).error("cannot be served locally for a DynamoDB event");
      }
    }
    String stream = props.requiredString("Stream");
    DeclaredResource table =
        stack.tableWithStreamArn(stream).orElseThrow(() -> notAStreamArn(stream, props, stack));
    List<String> responseTypes = props.strings("FunctionResponseTypes");
    for (int i = 0; i < responseTypes.size(); i++) {
      if (!responseTypes.get(i).equals(REPORT_BATCH_ITEM_FAILURES)) {
        throw props
            .at("FunctionResponseTypes")
            .at(i)
            .error("'" + responseTypes.get(i) + "' is not a response type; the only one is "
                + REPORT_BATCH_ITEM_FAILURES);
      }
    }
    // Read for its range only: one batch at a time per shard keeps the order any factor keeps.
    within(props, "ParallelizationFactor", 1, 1, 10);
    return new DynamoDbEventSource(
        eventName,
        table.logicalId(),
        stream,
        startingPosition(props),
        within(props, "BatchSize", DEFAULT_BATCH_SIZE, 1, 10_000),
        within(props, "MaximumBatchingWindowInSeconds", 0, 0, 300),
        within(props, "MaximumRetryAttempts", -1, -1, 10_000),
        recordAge(props),
        props.bool("BisectBatchOnFunctionError", false),
        responseTypes.contains(REPORT_BATCH_ITEM_FAILURES),
        filters(props),
        onFailureQueue(props, stack),
        props.bool("Enabled", true));
  }

  private static StartingPosition startingPosition(Props props) {
    String position = props.requiredString("StartingPosition");
    return switch (position) {
      case "TRIM_HORIZON" -> StartingPosition.TRIM_HORIZON;
      case "LATEST" -> StartingPosition.LATEST;
      default ->
          throw props
              .at("StartingPosition")
              .error(
                  "must be TRIM_HORIZON or LATEST for a DynamoDB stream, not '" + position + "'");
    };
  }

  private static int within(Props props, String key, int defaultValue, int min, int max) {
    int value = props.integer(key, defaultValue);
    if (value < min || value > max) {
      throw props
          .at(key)
          .error("must be between %d and %d, not %d".formatted(min, max, value));
    }
    return value;
  }

  private static int recordAge(Props props) {
    int age = props.integer("MaximumRecordAgeInSeconds", -1);
    if (age != -1 && (age < 60 || age > 604_800)) {
      throw props
          .at("MaximumRecordAgeInSeconds")
          .error("must be -1 (no limit) or between 60 and 604800, not " + age);
    }
    return age;
  }

  /** CloudFormation takes each Pattern as the pattern's JSON text. */
  private static List<EventFilterPattern> filters(Props props) {
    Optional<Props> criteria = props.map("FilterCriteria");
    if (criteria.isEmpty()) {
      return List.of();
    }
    List<EventFilterPattern> patterns = new ArrayList<>();
    for (Props filter : criteria.get().maps("Filters")) {
      Where where = filter.at("Pattern");
      Object pattern =
          filter.get("Pattern").orElseThrow(() -> filter.where().error("Pattern is missing"));
      if (!(pattern instanceof String text)) {
        throw where.error(
            "must be the pattern's JSON text (a string, as CloudFormation takes it), not "
                + pattern);
      }
      patterns.add(EventFilterPattern.parse(text, where));
    }
    return List.copyOf(patterns);
  }

  /** Lambda sends a stream's failure records to a standard queue (or a topic, not served here). */
  private static Optional<String> onFailureQueue(Props props, Stack stack) {
    Optional<Props> destinations = props.map("DestinationConfig");
    if (destinations.isEmpty()) {
      return Optional.empty();
    }
    for (String key : destinations.get().keys()) {
      if (!key.equals("OnFailure")) {
        throw destinations
            .get()
            .at(key)
            .error("a DynamoDB event has only an OnFailure destination");
      }
    }
    Optional<Props> onFailure = destinations.get().map("OnFailure");
    if (onFailure.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> type = onFailure.get().string("Type");
    if (type.isPresent() && !type.get().equals("SQS")) {
      throw onFailure
          .get()
          .at("Type")
          .error("'" + type.get() + "' cannot be served locally; the runner delivers to SQS");
    }
    String destination = onFailure.get().requiredString("Destination");
    DeclaredResource queue =
        stack
            .queueWithArn(destination)
            .orElseThrow(
                () ->
                    onFailure
                        .get()
                        .at("Destination")
                        .error("'" + destination + "' is not the Arn of a queue in this template"));
    if (stack.physicalName(queue).endsWith(".fifo")) {
      throw onFailure
          .get()
          .at("Destination")
          .error("'" + queue.logicalId() + "' is a FIFO queue; Lambda needs a standard queue here");
    }
    return Optional.of(queue.logicalId());
  }

  private static TemplateException notAStreamArn(String stream, Props props, Stack stack) {
    Where where = props.at("Stream");
    return stack
        .tableWithArn(stream)
        .map(
            table ->
                where.error(
                    "'%s' is the Arn of table '%s'; a DynamoDB event needs its stream's Arn"
                            .formatted(stream, table.logicalId())
                        + " (!GetAtt %s.StreamArn)".formatted(table.logicalId())))
        .orElseGet(
            () ->
                where.error(
                    "'" + stream + "' is not the stream Arn of a table in this template"));
  }
}

package io.tender.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A {@code DynamoDB} event: a table's stream read for this function, with Lambda's defaults where
 * the template is silent.
 *
 * @param tableLogicalId the table whose stream is read
 * @param streamArn the stream's ARN as {@code !GetAtt Table.StreamArn} resolves it in the template
 *     (a placeholder: the label of the stream DynamoDB Local makes is known only once it made it,
 *     so the runner reads, and its events name, the stream of {@code tableLogicalId})
 * @param maximumRetryAttempts retries of a failed batch; -1 retries until the record expires
 * @param maximumRecordAgeSeconds records older than this are not retried; -1 for no limit
 * @param filters {@code FilterCriteria.Filters}: a record is delivered when it matches one of
 *     them; every record is delivered when there are none
 * @param onFailureQueueLogicalId {@code DestinationConfig.OnFailure}: the queue that gets the
 *     description of a batch given up on
 */
public record DynamoDbEventSource(
    String eventName,
    String tableLogicalId,
    String streamArn,
    StartingPosition startingPosition,
    int batchSize,
    int maximumBatchingWindowSeconds,
    int maximumRetryAttempts,
    int maximumRecordAgeSeconds,
    boolean bisectBatchOnFunctionError,
    boolean reportBatchItemFailures,
    List<EventFilterPattern> filters,
    Optional<String> onFailureQueueLogicalId,
    boolean enabled) {

  /** Where a new mapping starts reading: the oldest record kept, or only what comes next. */
  public enum StartingPosition {
    TRIM_HORIZON,
    LATEST
  }

  /** Whether Lambda would deliver this record (as JSON) under the mapping's filters. */
  public boolean accepts(JsonNode record) {
    return filters.isEmpty() || filters.stream().anyMatch(filter -> filter.matches(record));
  }
}

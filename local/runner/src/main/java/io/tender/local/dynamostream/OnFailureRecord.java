package io.tender.local.dynamostream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What Lambda sends to a stream mapping's OnFailure destination when it gives up on records: not
 * the records, but where they are in the stream ({@code DDBStreamBatchInfo}: shard and sequence
 * range), so that they can be read again while the stream keeps them (24 hours).
 */
final class OnFailureRecord {
  /** MaximumRetryAttempts was reached. */
  static final String RETRIES_EXHAUSTED = "RetryAttemptsExhausted";

  /** The records grew older than MaximumRecordAgeInSeconds. */
  static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";

  private static final ObjectMapper JSON = new ObjectMapper();

  private OnFailureRecord() {}

  /**
   * Records given up on.
   *
   * @param invokeCount how many times the function was invoked with them
   * @param functionError {@code Unhandled} when the last invocation threw or timed out, null when
   *     it returned (reporting them as failed) or when they expired before another try
   */
  record Abandoned(List<PolledRecord> records, String condition, int invokeCount, String requestId,
      String functionError) {}

  static String of(Abandoned abandoned, String functionArn, String shardId, String streamArn, Instant now) {
    List<PolledRecord> records = abandoned.records();
    ObjectNode message = JSON.createObjectNode();
    ObjectNode request = message.putObject("requestContext");
    request.put("requestId", abandoned.requestId());
    request.put("functionArn", functionArn);
    request.put("condition", abandoned.condition());
    request.put("approximateInvokeCount", abandoned.invokeCount());
    ObjectNode response = message.putObject("responseContext");
    response.put("statusCode", 200);
    response.put("executedVersion", "$LATEST");
    if (abandoned.functionError() != null) {
      response.put("functionError", abandoned.functionError());
    }
    message.put("version", "1.0");
    message.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.MILLIS)));
    ObjectNode batch = message.putObject("DDBStreamBatchInfo");
    batch.put("shardId", shardId);
    batch.put("startSequenceNumber", records.getFirst().sequenceNumber());
    batch.put("endSequenceNumber", records.getLast().sequenceNumber());
    batch.put("approximateArrivalOfFirstRecord", seconds(records.getFirst().approximateCreation()));
    batch.put("approximateArrivalOfLastRecord", seconds(records.getLast().approximateCreation()));
    batch.put("batchSize", records.size());
    batch.put("streamArn", streamArn);
    try {
      return JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String seconds(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}

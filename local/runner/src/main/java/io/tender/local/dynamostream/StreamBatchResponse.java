package io.tender.local.dynamostream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * Reads a handler's {@code StreamsEventResponse} by Lambda's rules for streams: nothing reported
 * (no response, no list, an empty list) is full success; an {@code itemIdentifier} that is
 * missing, empty or no sequence number of the batch fails the whole batch; otherwise the batch
 * succeeded up to the lowest reported sequence number, from which it is retried.
 */
final class StreamBatchResponse {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every record of the batch succeeded. */
  static final int ALL_SUCCEEDED = -1;

  private StreamBatchResponse() {}

  /**
   * The index in the batch of the first record to retry, or {@link #ALL_SUCCEEDED}.
   *
   * @param sequenceNumbers the batch's sequence numbers, in stream order
   */
  static int firstFailure(byte[] output, List<String> sequenceNumbers) {
    JsonNode response;
    try {
      response = JSON.readTree(output);
    } catch (IOException e) {
      return 0;
    }
    if (response == null || response.isNull() || response.isMissingNode()) {
      return ALL_SUCCEEDED;
    }
    JsonNode failures = response.path("batchItemFailures");
    if (failures.isMissingNode() || failures.isNull()) {
      return ALL_SUCCEEDED;
    }
    if (!failures.isArray()) {
      return 0;
    }
    int first = ALL_SUCCEEDED;
    for (JsonNode failure : failures) {
      int index = sequenceNumbers.indexOf(failure.path("itemIdentifier").asText(""));
      if (index < 0) {
        return 0;
      }
      first = first == ALL_SUCCEEDED ? index : Math.min(first, index);
    }
    return first;
  }
}

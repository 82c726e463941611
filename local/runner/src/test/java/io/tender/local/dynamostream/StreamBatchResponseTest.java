package io.tender.local.dynamostream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lambda's rules for a stream handler's batch item failures. */
class StreamBatchResponseTest {
  private static final List<String> BATCH = List.of("100", "200", "300");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          no response                    | null                                                                 | -1
          no list                        | {}                                                                   | -1
          a null list                    | {"batchItemFailures": null}                                          | -1
          an empty list                  | {"batchItemFailures": []}                                            | -1
          one failure                    | {"batchItemFailures": [{"itemIdentifier": "200"}]}                   | 1
          the lowest of several          | {"batchItemFailures": [{"itemIdentifier": "300"}, {"itemIdentifier": "200"}]} | 1
          the first record               | {"batchItemFailures": [{"itemIdentifier": "100"}]}                   | 0
          an empty identifier            | {"batchItemFailures": [{"itemIdentifier": ""}]}                      | 0
          a null identifier              | {"batchItemFailures": [{"itemIdentifier": null}]}                    | 0
          a misspelt key                 | {"batchItemFailures": [{"itemIdentifer": "200"}]}                    | 0
          a sequence number not in batch | {"batchItemFailures": [{"itemIdentifier": "250"}]}                   | 0
          not a list                     | {"batchItemFailures": "200"}                                         | 0
          not JSON                       | {batchItemFailures                                                   | 0
          """)
  void firstRecordToRetry(String why, String response, int expected) {
    assertThat(StreamBatchResponse.firstFailure(response.getBytes(StandardCharsets.UTF_8), BATCH))
        .isEqualTo(expected);
  }
}

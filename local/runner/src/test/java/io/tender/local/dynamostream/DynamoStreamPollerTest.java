package io.tender.local.dynamostream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.local.fixture.FixtureRecorder;
import io.tender.local.function.LocalFunction;
import io.tender.local.provision.ProvisionedStack;
import io.tender.local.template.DynamoDbEventSource;
import io.tender.local.template.DynamoDbEventSource.StartingPosition;
import io.tender.local.template.FunctionSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The mapping's settings on their own: where it starts reading, how a failing batch is bisected,
 * and records older than MaximumRecordAgeInSeconds.
 */
@ExtendWith(SharedEngines.class)
class DynamoStreamPollerTest {
  private static final Path TEMPLATE = Path.of("src/test/resources/runner/stream-fixture-template.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalEngines engines;
  private static ProvisionedStack stack;
  private static LocalFunction function;

  @BeforeAll
  static void provision(LocalEngines shared) {
    engines = shared;
    stack = ProvisionedStack.create(engines, TEMPLATE, "poller-test", Map.of(), Map.of());
    FunctionSpec spec = stack.template().functions().get("DispatchFunction");
    function = LocalFunction.load(spec, Map.of(), "arn:aws:lambda:us-east-1:123456789012:function:poller-test",
        Clock.systemUTC(), System.out);
  }

  @AfterAll
  static void close() {
    function.close();
    stack.close();
  }

  @Test
  void latestDeliversOnlyWhatIsWrittenAfterTheMappingStartedAndTrimHorizonEverything() {
    put("START#1");
    try (DynamoStreamEventSourcePoller latest = start(StartingPosition.LATEST)) {
      put("START#2");
      await().atMost(Duration.ofSeconds(20)).until(() -> deliveries().contains("START#2 INSERT"));
      assertThat(deliveries()).containsExactly("START#2 INSERT");
    }
    FixtureRecorder.STREAM_BATCHES.removeIf(batch -> batch.stream().anyMatch(d -> d.startsWith("START#")));

    try (DynamoStreamEventSourcePoller trimHorizon = start(StartingPosition.TRIM_HORIZON)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> deliveries().contains("START#2 INSERT"));
      assertThat(deliveries()).containsExactly("START#1 INSERT", "START#2 INSERT");
    }
  }

  @Test
  void aBatchThatThrowsIsHalvedUntilTheFailingRecordIsAloneThenGivenUpOn() throws Exception {
    try (DynamoStreamEventSourcePoller bisecting = DynamoStreamEventSourcePoller.start(stack.dynamoDbStreams(),
        stack.sqs(), function, source(StartingPosition.LATEST, 1, 0, -1, true), stack.streamArn("OutboxTable"),
        Optional.of(stack.queueUrl("DispatchFailures")), engines.region(), Clock.systemUTC(), System.out)) {
      putAll("BISECT#1", "BISECT#2", "BISECT#3", "BISECT#4");

      String failure = awaitMessage("DispatchFailures");
      await().atMost(Duration.ofSeconds(20)).until(() -> batches("BISECT#").size() == 5);

      assertThat(batches("BISECT#")).containsExactly(
          List.of("BISECT#1 INSERT", "BISECT#2 INSERT", "BISECT#3 INSERT", "BISECT#4 INSERT"),
          List.of("BISECT#1 INSERT", "BISECT#2 INSERT"),
          List.of("BISECT#1 INSERT"),
          List.of("BISECT#2 INSERT"),
          List.of("BISECT#3 INSERT", "BISECT#4 INSERT"));
      JsonNode batch = JSON.readTree(failure).path("DDBStreamBatchInfo");
      assertThat(batch.path("batchSize").asInt()).isEqualTo(1);
      assertThat(batch.path("startSequenceNumber").asText()).isEqualTo(sequenceNumber("BISECT#2"));
      assertThat(JSON.readTree(failure).path("requestContext").path("condition").asText())
          .isEqualTo("RetryAttemptsExhausted");
    }
  }

  @Test
  void recordsOlderThanTheMaximumAgeAreGivenUpOnUndelivered() throws Exception {
    Clock twoMinutesAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2));
    try (DynamoStreamEventSourcePoller ageing = DynamoStreamEventSourcePoller.start(stack.dynamoDbStreams(),
        stack.sqs(), function, source(StartingPosition.LATEST, 0, 3, 60, false), stack.streamArn("OutboxTable"),
        Optional.of(stack.queueUrl("PoisonFailures")), engines.region(), twoMinutesAhead, System.out)) {
      put("AGE#1");

      JsonNode failure = JSON.readTree(awaitMessage("PoisonFailures"));

      assertThat(failure.path("requestContext").path("condition").asText()).isEqualTo("RecordAgeExceeded");
      assertThat(failure.path("requestContext").path("approximateInvokeCount").asInt()).isZero();
      assertThat(failure.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(1);
      assertThat(batches("AGE#")).as("never delivered").isEmpty();
    }
  }

  private static DynamoStreamEventSourcePoller start(StartingPosition position) {
    return DynamoStreamEventSourcePoller.start(stack.dynamoDbStreams(), stack.sqs(), function,
        source(position, 0, 3, -1, false), stack.streamArn("OutboxTable"), Optional.empty(), engines.region(),
        Clock.systemUTC(), System.out);
  }

  /** The fixture's DispatchFunction mapping (its filters, batches of 10) with these settings. */
  private static DynamoDbEventSource source(StartingPosition position, int batchingWindowSeconds,
      int maximumRetryAttempts, int maximumRecordAgeSeconds, boolean bisect) {
    DynamoDbEventSource template = function.spec().dynamoDbSources().getFirst();
    return new DynamoDbEventSource(template.eventName(), template.tableLogicalId(), template.streamArn(),
        position, template.batchSize(), batchingWindowSeconds, maximumRetryAttempts, maximumRecordAgeSeconds,
        bisect, !bisect, template.filters(), Optional.empty(), true);
  }

  private static void put(String pk) {
    stack.dynamoDb().putItem(put -> put.tableName(stack.tableName("OutboxTable")).item(item(pk)));
  }

  /** In one request, so that they fall in one batch; the second one makes the handler throw. */
  private static void putAll(String... pks) {
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < pks.length; i++) {
      Map<String, AttributeValue> item = new HashMap<>(item(pks[i]));
      if (i == 1) {
        item.put("throwAlways", AttributeValue.fromS("yes"));
      }
      writes.add(WriteRequest.builder().putRequest(put -> put.item(item)).build());
    }
    stack.dynamoDb().batchWriteItem(write -> write.requestItems(Map.of(stack.tableName("OutboxTable"), writes)));
  }

  private static Map<String, AttributeValue> item(String pk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("ITEM"), "kind", AttributeValue.fromS("EVENT"));
  }

  private static String sequenceNumber(String pk) {
    return FixtureRecorder.STREAM_RECORDS.stream()
        .filter(r -> r.getDynamodb().getKeys().get("pk").getS().equals(pk))
        .findFirst().orElseThrow().getDynamodb().getSequenceNumber();
  }

  private static String awaitMessage(String queue) {
    String url = stack.queueUrl(queue);
    List<Message> received = new ArrayList<>();
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      received.addAll(stack.sqs().receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages());
      return !received.isEmpty();
    });
    return received.getFirst().body();
  }

  private static List<String> deliveries() {
    return batches("START#").stream().flatMap(List::stream).toList();
  }

  private static List<List<String>> batches(String prefix) {
    return FixtureRecorder.STREAM_BATCHES.stream()
        .map(batch -> batch.stream().filter(d -> d.startsWith(prefix)).toList())
        .filter(batch -> !batch.isEmpty())
        .toList();
  }
}

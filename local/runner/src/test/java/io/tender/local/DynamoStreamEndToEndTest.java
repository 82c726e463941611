package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.local.fixture.FixtureRecorder;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A table's stream read by the runner as Lambda's DynamoDB event source mapping reads it: every
 * record once and in order, shaped as Lambda shapes it, filtered, retried from a reported failure
 * and, when retries run out, described to the OnFailure queue.
 */
class DynamoStreamEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Instant STARTED = Instant.now();

  private static LocalGateway gateway;
  private static String table;

  @BeforeAll
  static void start() {
    gateway = LocalGateway.start(
        LocalGatewayOptions.defaults(Path.of("src/test/resources/runner/stream-fixture-template.yaml")).withPort(0));
    table = gateway.template().tables().get("OutboxTable").tableName();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void insertedItemsReachTheFunctionOnceInOrderShapedAsLambdaDeliversThem() {
    for (int i = 1; i <= 5; i++) {
      put(item("ORDER#" + i, "kind", "EVENT", "type", "payment.succeeded").with("amount", number(i * 100)));
    }
    put(item("ORDER#6", "kind", "EVENT"));

    await().atMost(PATIENCE).until(() -> deliveries("ORDER#").contains("ORDER#6 INSERT"));
    assertThat(deliveries("ORDER#")).containsExactly("ORDER#1 INSERT", "ORDER#2 INSERT", "ORDER#3 INSERT",
        "ORDER#4 INSERT", "ORDER#5 INSERT", "ORDER#6 INSERT");

    DynamodbStreamRecord first = record("ORDER#1", "INSERT");
    assertThat(first.getEventID()).isNotBlank();
    assertThat(first.getEventVersion()).isEqualTo("1.1");
    assertThat(first.getEventSource()).isEqualTo("aws:dynamodb");
    assertThat(first.getAwsRegion()).isEqualTo(gateway.engines().region());
    assertThat(first.getEventSourceARN()).isEqualTo(gateway.streamArn("OutboxTable"));
    assertThat(first.getDynamodb().getKeys()).containsOnlyKeys("pk", "sk");
    assertThat(first.getDynamodb().getKeys().get("sk").getS()).isEqualTo("ITEM");
    assertThat(first.getDynamodb().getNewImage().get("kind").getS()).isEqualTo("EVENT");
    assertThat(first.getDynamodb().getNewImage().get("type").getS()).isEqualTo("payment.succeeded");
    assertThat(first.getDynamodb().getNewImage().get("amount").getN()).isEqualTo("100");
    assertThat(first.getDynamodb().getOldImage()).as("an insert has no old image").isNull();
    assertThat(first.getDynamodb().getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
    assertThat(first.getDynamodb().getSizeBytes()).isPositive();
    assertThat(first.getDynamodb().getApproximateCreationDateTime().toInstant())
        .isBetween(STARTED.minusSeconds(60), Instant.now().plusSeconds(60));
    List<BigInteger> sequence = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      sequence.add(new BigInteger(record("ORDER#" + i, "INSERT").getDynamodb().getSequenceNumber()));
    }
    assertThat(sequence).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void recordsThatMatchNoFilterAreNeverDelivered() {
    put(item("FILTER#1", "kind", "EVENT"));
    put(item("FILTER#2", "kind", "COMMAND"));
    put(item("NOTE#FILTER#3", "topic", "payments"));
    put(item("NOTE#FILTER#4", "kind", "COMMAND"));
    put(item("FILTER#1", "kind", "EVENT", "changed", "yes"));
    put(item("NOTE#FILTER#3", "topic", "refunds"));
    put(item("FILTER#9", "kind", "EVENT"));

    await().atMost(PATIENCE).until(() -> deliveries("FILTER#").contains("FILTER#9 INSERT"));
    assertThat(deliveries("FILTER#")).as("an insert of an EVENT is delivered, its update is not")
        .containsExactly("FILTER#1 INSERT", "FILTER#9 INSERT");
    assertThat(deliveries("NOTE#FILTER#")).as("a note with a topic is delivered, on insert and update")
        .containsExactly("NOTE#FILTER#3 INSERT", "NOTE#FILTER#3 MODIFY");
    DynamodbStreamRecord update = record("NOTE#FILTER#3", "MODIFY");
    assertThat(update.getDynamodb().getOldImage().get("topic").getS()).isEqualTo("payments");
    assertThat(update.getDynamodb().getNewImage().get("topic").getS()).isEqualTo("refunds");
  }

  @Test
  void aReportedFailureIsRetriedFromTheFailedRecordOnwards() {
    putAll(item("PARTIAL#1", "kind", "EVENT"),
        item("PARTIAL#2", "kind", "EVENT", "failOnce", "yes"),
        item("PARTIAL#3", "kind", "EVENT"));

    await().atMost(PATIENCE).until(() -> retriedAndPassed("PARTIAL#2 INSERT", "PARTIAL#3 INSERT"));
    List<List<String>> batches = batches("PARTIAL#");
    int failing = indexOfFirstBatchWith(batches, "PARTIAL#2 INSERT");
    List<String> failed = batches.get(failing);
    List<String> retried = batches.get(failing + 1);

    assertThat(failed).as("written together, within the batching window")
        .containsExactly("PARTIAL#1 INSERT", "PARTIAL#2 INSERT", "PARTIAL#3 INSERT");
    assertThat(retried).as("the retry starts at the reported record and keeps the rest of the batch")
        .containsExactly("PARTIAL#2 INSERT", "PARTIAL#3 INSERT");
    assertThat(deliveries("PARTIAL#")).as("what succeeded before the failure is not delivered again")
        .containsOnlyOnce("PARTIAL#1 INSERT");
    assertThat(deliveries("PARTIAL#").stream().filter(d -> d.equals("PARTIAL#2 INSERT"))).hasSize(2);
  }

  @Test
  void aHandlerThatThrowsGetsTheWholeBatchAgain() {
    putAll(item("THROW#1", "kind", "EVENT"),
        item("THROW#2", "kind", "EVENT", "throwOnce", "yes"),
        item("THROW#3", "kind", "EVENT"));

    await().atMost(PATIENCE).until(() -> retriedAndPassed("THROW#2 INSERT", "THROW#3 INSERT"));
    List<List<String>> batches = batches("THROW#");
    int throwing = indexOfFirstBatchWith(batches, "THROW#2 INSERT");

    assertThat(batches.get(throwing)).as("written together, within the batching window")
        .containsExactly("THROW#1 INSERT", "THROW#2 INSERT", "THROW#3 INSERT");
    assertThat(batches.get(throwing + 1)).as("the same batch, from its first record")
        .isEqualTo(batches.get(throwing));
    assertThat(batches).hasSize(2);
  }

  @Test
  void aRecordThatAlwaysFailsIsDescribedToTheOnFailureQueueAfterItsRetries() throws Exception {
    put(item("POISON#1", "kind", "POISON"));

    List<Message> failures = awaitMessages("PoisonFailures", 1);
    assertThat(poisonDeliveries("POISON#1")).as("the first try and MaximumRetryAttempts (2) retries")
        .hasSize(3).containsOnly(poisonDeliveries("POISON#1").getFirst());
    String sequenceNumber = poisonDeliveries("POISON#1").getFirst().split(" ")[1];

    JsonNode failure = JSON.readTree(failures.getFirst().body());
    assertThat(failure.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
    assertThat(failure.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(3);
    assertThat(failure.path("requestContext").path("functionArn").asText())
        .endsWith(":function:tender-local-PoisonFunction");
    assertThat(failure.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
    assertThat(failure.path("version").asText()).isEqualTo("1.0");
    JsonNode batch = failure.path("DDBStreamBatchInfo");
    assertThat(batch.path("shardId").asText()).isNotBlank();
    assertThat(batch.path("startSequenceNumber").asText()).isEqualTo(sequenceNumber);
    assertThat(batch.path("endSequenceNumber").asText()).isEqualTo(sequenceNumber);
    assertThat(batch.path("batchSize").asInt()).isEqualTo(1);
    assertThat(batch.path("streamArn").asText()).isEqualTo(gateway.streamArn("OutboxTable"));
    assertThat(Instant.parse(batch.path("approximateArrivalOfFirstRecord").asText()))
        .isBetween(STARTED.minusSeconds(60), Instant.now().plusSeconds(60));

    put(item("POISON#2", "kind", "POISON"));
    JsonNode next = JSON.readTree(awaitMessages("PoisonFailures", 1).getFirst().body());
    assertThat(next.path("DDBStreamBatchInfo").path("startSequenceNumber").asText())
        .as("the shard moved on to the next record").isEqualTo(poisonDeliveries("POISON#2").getFirst().split(" ")[1]);
    assertThat(FixtureRecorder.FAILED_STREAM_BATCHES.stream().flatMap(List::stream))
        .as("the other function's records are not this one's").allMatch(d -> d.startsWith("POISON#"));
  }

  /** An item of the fixture table: key {@code pk}/{@code ITEM}, then name-value string pairs. */
  private static Item item(String pk, String... attributes) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", AttributeValue.fromS(pk));
    item.put("sk", AttributeValue.fromS("ITEM"));
    for (int i = 0; i < attributes.length; i += 2) {
      item.put(attributes[i], AttributeValue.fromS(attributes[i + 1]));
    }
    return new Item(item);
  }

  private record Item(Map<String, AttributeValue> attributes) {
    Item with(String name, AttributeValue value) {
      attributes.put(name, value);
      return this;
    }
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static void put(Item item) {
    gateway.dynamoDb().putItem(put -> put.tableName(table).item(item.attributes()));
  }

  /** In one request, so that they reach the stream together and likely share a batch. */
  private static void putAll(Item... items) {
    List<WriteRequest> writes = Arrays.stream(items)
        .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item.attributes()).build()).build())
        .toList();
    gateway.dynamoDb().batchWriteItem(write -> write.requestItems(Map.of(table, writes)));
  }

  /** What the recording function got for keys starting with the prefix, in delivery order. */
  private static List<String> deliveries(String prefix) {
    return batches(prefix).stream().flatMap(List::stream).toList();
  }

  private static List<List<String>> batches(String prefix) {
    return FixtureRecorder.STREAM_BATCHES.stream()
        .map(batch -> batch.stream().filter(d -> d.startsWith(prefix)).toList())
        .filter(batch -> !batch.isEmpty())
        .toList();
  }

  /** The record was delivered twice (failed, then retried), and the next one after that. */
  private static boolean retriedAndPassed(String failing, String next) {
    List<String> deliveries = deliveries(failing.substring(0, failing.indexOf('#') + 1));
    return deliveries.stream().filter(failing::equals).count() == 2
        && deliveries.lastIndexOf(next) > deliveries.lastIndexOf(failing);
  }

  private static int indexOfFirstBatchWith(List<List<String>> batches, String delivery) {
    for (int i = 0; i < batches.size(); i++) {
      if (batches.get(i).contains(delivery)) {
        return i;
      }
    }
    throw new AssertionError(delivery + " was never delivered: " + batches);
  }

  private static DynamodbStreamRecord record(String pk, String eventName) {
    return FixtureRecorder.STREAM_RECORDS.stream()
        .filter(r -> r.getDynamodb().getKeys().get("pk").getS().equals(pk) && r.getEventName().equals(eventName))
        .findFirst()
        .orElseThrow(() -> new AssertionError(pk + " " + eventName + " was never delivered"));
  }

  private static List<String> poisonDeliveries(String pk) {
    return FixtureRecorder.FAILED_STREAM_BATCHES.stream().flatMap(List::stream)
        .filter(d -> d.startsWith(pk + " ")).toList();
  }

  private static List<Message> awaitMessages(String queue, int count) {
    String url = gateway.queueUrl(queue);
    List<Message> received = new ArrayList<>();
    await().atMost(PATIENCE).untilAsserted(() -> {
      List<Message> messages = gateway.sqs().receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages();
      messages.forEach(m -> gateway.sqs().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle())));
      received.addAll(messages);
      assertThat(received).hasSizeGreaterThanOrEqualTo(count);
    });
    return received;
  }
}

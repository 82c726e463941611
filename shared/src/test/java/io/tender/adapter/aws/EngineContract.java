package io.tender.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.adapter.secrets.SecretsManagerSecretStore;
import io.tender.adapter.sqs.SettlementQueue;
import io.tender.config.Environment;
import io.tender.core.secret.SecretNotFoundException;
import io.tender.core.secret.SecretStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What Tender relies on from DynamoDB, SQS and Secrets Manager, checked through the real SDK
 * clients as {@link AwsClients} builds them. Runs on the in-process engines by default and on
 * LocalStack where Docker exists.
 */
abstract class EngineContract {

  /** The environment a function would get: region and endpoint overrides. */
  protected abstract Environment environment();

  /** Creates a secret the way the engine under test stores one. */
  protected abstract void putSecret(String name, String value);

  private AwsClients clients() {
    return new AwsClients(environment());
  }

  @Test
  void conditionalPutAdmitsOneWriterAndTellsTheLoserWhatWon() {
    try (DynamoDbClient dynamo = clients().dynamoDb()) {
      String table = createTable(dynamo);
      Map<String, AttributeValue> first = Map.of(
          "pk", s("idem#t1#key-1"), "sk", s("record"), "holder", s("first"));

      dynamo.putItem(put -> put.tableName(table).item(first)
          .conditionExpression("attribute_not_exists(pk)"));

      assertThatThrownBy(() -> dynamo.putItem(put -> put.tableName(table)
              .item(Map.of("pk", s("idem#t1#key-1"), "sk", s("record"), "holder", s("second")))
              .conditionExpression("attribute_not_exists(pk)")
              .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
          .isInstanceOfSatisfying(ConditionalCheckFailedException.class,
              failed -> assertThat(failed.item()).containsEntry("holder", s("first")));
    }
  }

  @Test
  void aTransactionWithOneFailedConditionWritesNothing() {
    try (DynamoDbClient dynamo = clients().dynamoDb()) {
      String table = createTable(dynamo);
      dynamo.putItem(put -> put.tableName(table)
          .item(Map.of("pk", s("pay#1"), "sk", s("state"), "version", n(1))));

      assertThatThrownBy(() -> dynamo.transactWriteItems(tx -> tx.transactItems(
              TransactWriteItem.builder().put(put -> put.tableName(table)
                  .item(Map.of("pk", s("pay#1"), "sk", s("ledger#1"), "amount", n(100)))).build(),
              TransactWriteItem.builder().update(update -> update.tableName(table)
                  .key(Map.of("pk", s("pay#1"), "sk", s("state")))
                  .updateExpression("SET version = :next")
                  .conditionExpression("version = :expected")
                  .expressionAttributeValues(Map.of(":next", n(3), ":expected", n(2)))).build())))
          .isInstanceOfSatisfying(TransactionCanceledException.class, cancelled ->
              assertThat(cancelled.cancellationReasons()).extracting(r -> r.code())
                  .containsExactly("None", "ConditionalCheckFailed"));

      assertThat(dynamo.getItem(get -> get.tableName(table).consistentRead(true)
          .key(Map.of("pk", s("pay#1"), "sk", s("ledger#1")))).hasItem()).isFalse();
    }
  }

  @Test
  void aSparseIndexHoldsOnlyItemsThatCarryItsKey() {
    try (DynamoDbClient dynamo = clients().dynamoDb()) {
      String table = createTable(dynamo);
      dynamo.putItem(put -> put.tableName(table).item(Map.of(
          "pk", s("cs#1"), "sk", s("session"), "due", s("due#00"), "dueAt", s("2026-11-23T10:00:00Z"))));
      dynamo.putItem(put -> put.tableName(table).item(Map.of(
          "pk", s("cs#2"), "sk", s("session"))));

      List<Map<String, AttributeValue>> due = dynamo.query(query -> query.tableName(table)
          .indexName("due").keyConditionExpression("due = :bucket AND dueAt <= :now")
          .expressionAttributeValues(Map.of(":bucket", s("due#00"), ":now", s("2026-11-23T11:00:00Z"))))
          .items();

      assertThat(due).extracting(item -> item.get("pk").s()).containsExactly("cs#1");
    }
  }

  @Test
  void aMessageReceivedTooOftenMovesToTheDeadLetterQueue() throws InterruptedException {
    try (SqsClient sqs = clients().sqs()) {
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      String dlqUrl = sqs.createQueue(create -> create.queueName("contract-dlq-" + suffix)).queueUrl();
      String dlqArn = sqs.getQueueAttributes(get -> get.queueUrl(dlqUrl)
          .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
      String queueUrl = sqs.createQueue(create -> create.queueName("contract-" + suffix).attributes(Map.of(
          QueueAttributeName.VISIBILITY_TIMEOUT, "1",
          QueueAttributeName.REDRIVE_POLICY,
          "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"))).queueUrl();

      sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody("{\"event\":\"poison\"}"));
      for (int receive = 0; receive < 2; receive++) {
        List<Message> got = receiveOne(sqs, queueUrl);
        assertThat(got).hasSize(1);
        Thread.sleep(1_100); // let the visibility timeout lapse without a delete
      }

      assertThat(receiveOne(sqs, queueUrl)).isEmpty();
      assertThat(receiveOne(sqs, dlqUrl)).extracting(Message::body).containsExactly("{\"event\":\"poison\"}");
    }
  }

  @Test
  void aSettlementMessageHandedBackComesAgainAfterItsDelayNotTheQueuesVisibility() throws InterruptedException {
    try (SqsClient sqs = clients().sqs()) {
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      String queueUrl = sqs.createQueue(create -> create.queueName("contract-defer-" + suffix)
          .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "180"))).queueUrl();
      sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody("{\"event\":\"deferred\"}"));
      Message first = receiveOne(sqs, queueUrl).getFirst();

      new SettlementQueue(sqs, queueUrl).returnAfter(first.receiptHandle(), Duration.ofMillis(1_500));

      assertThat(receiveOne(sqs, queueUrl)).as("hidden for the delay, rounded up to 2 s").isEmpty();
      Thread.sleep(2_200);
      List<Message> again = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(1)
          .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
          .messages();
      assertThat(again).extracting(Message::body).containsExactly("{\"event\":\"deferred\"}");
      assertThat(again.getFirst().attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
    }
  }

  @Test
  void secretsAreReadThroughTheRealClientAndCachedUntilRefreshed() {
    String name = "tender/test/" + UUID.randomUUID();
    putSecret(name, "whsec_first");
    try (SecretsManagerClient client = clients().secretsManager()) {
      SecretStore store = new SecretsManagerSecretStore(client, Clock.systemUTC(), Duration.ofMinutes(5));

      assertThat(store.get(name)).isEqualTo("whsec_first");

      putSecret(name, "whsec_second");
      assertThat(store.get(name)).as("served from the container cache").isEqualTo("whsec_first");

      store.refresh(name);
      assertThat(store.get(name)).isEqualTo("whsec_second");
    }
  }

  @Test
  void anUnknownSecretIsNamedButNeverGuessed() {
    try (SecretsManagerClient client = clients().secretsManager()) {
      SecretStore store = new SecretsManagerSecretStore(client, Clock.systemUTC(), Duration.ofMinutes(5));

      assertThatThrownBy(() -> store.get("tender/test/absent"))
          .isInstanceOf(SecretNotFoundException.class)
          .hasMessage("no secret named tender/test/absent");
    }
  }

  private static List<Message> receiveOne(SqsClient sqs, String queueUrl) {
    return sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(1)
        .waitTimeSeconds(1)).messages();
  }

  private static String createTable(DynamoDbClient dynamo) {
    String name = "contract-" + UUID.randomUUID();
    dynamo.createTable(create -> create.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            attribute("pk"), attribute("sk"), attribute("due"), attribute("dueAt"))
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("due")
            .keySchema(key("due", KeyType.HASH), key("dueAt", KeyType.RANGE))
            .projection(projection -> projection.projectionType(ProjectionType.KEYS_ONLY)).build()));
    dynamo.waiter().waitUntilTableExists(describe -> describe.tableName(name));
    return name;
  }

  private static software.amazon.awssdk.services.dynamodb.model.AttributeDefinition attribute(String name) {
    return software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder()
        .attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static software.amazon.awssdk.services.dynamodb.model.KeySchemaElement key(String name, KeyType type) {
    return software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder()
        .attributeName(name).keyType(type).build();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}

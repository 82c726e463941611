package io.tender.local.provision;

import io.tender.local.template.QueueSpec;
import io.tender.local.template.SecretSpec;
import io.tender.local.template.StackTemplate;
import io.tender.local.template.TableSpec;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the template's tables, queues and secrets on the local engines, exactly as declared:
 * keys, indexes, TTL and streams; FIFO, visibility, delay, retention and redrive; secret values from
 * {@code SecretString} or generated as {@code GenerateSecretString} asks.
 */
public final class Provisioner {
  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;
  private final BiConsumer<String, String> secretStore;
  private final SecretGenerator secretGenerator;

  public Provisioner(DynamoDbClient dynamoDb, SqsClient sqs, BiConsumer<String, String> secretStore,
      SecretGenerator secretGenerator) {
    this.dynamoDb = dynamoDb;
    this.sqs = sqs;
    this.secretStore = secretStore;
    this.secretGenerator = secretGenerator;
  }

  /**
   * Where the engines put what the template names only by logical id.
   *
   * @param queueUrls logical id → queue URL
   * @param streamArns table logical id → the ARN of the stream the local engine made for it
   */
  public record Provisioned(Map<String, String> queueUrls, Map<String, String> streamArns) {}

  /**
   * Provisions everything.
   *
   * @param secretOverrides values to use instead of the template's, by logical id or by name
   */
  public Provisioned provision(StackTemplate template, Map<String, String> secretOverrides) {
    Map<String, String> streamArns = new LinkedHashMap<>();
    for (TableSpec table : template.tables().values()) {
      createTable(table).ifPresent(arn -> streamArns.put(table.logicalId(), arn));
    }
    Map<String, String> queueUrls = createQueues(template.queues());
    template.secrets().values().forEach(secret -> secretStore.accept(secret.name(),
        Optional.ofNullable(secretOverrides.get(secret.logicalId()))
            .or(() -> Optional.ofNullable(secretOverrides.get(secret.name())))
            .orElseGet(() -> valueOf(secret))));
    return new Provisioned(Collections.unmodifiableMap(queueUrls), Collections.unmodifiableMap(streamArns));
  }

  /** Creates the table; returns its stream's ARN when it has one. */
  private Optional<String> createTable(TableSpec table) {
    List<AttributeDefinition> attributes = table.attributeTypes().entrySet().stream()
        .map(a -> AttributeDefinition.builder().attributeName(a.getKey()).attributeType(a.getValue()).build())
        .toList();
    dynamoDb.createTable(create -> {
      create.tableName(table.tableName())
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(attributes)
          .keySchema(keys(table.keySchema()));
      if (!table.globalSecondaryIndexes().isEmpty()) {
        create.globalSecondaryIndexes(table.globalSecondaryIndexes().stream()
            .map(index -> GlobalSecondaryIndex.builder().indexName(index.indexName())
                .keySchema(keys(index.keySchema())).projection(projection(index)).build())
            .toList());
      }
      if (!table.localSecondaryIndexes().isEmpty()) {
        create.localSecondaryIndexes(table.localSecondaryIndexes().stream()
            .map(index -> LocalSecondaryIndex.builder().indexName(index.indexName())
                .keySchema(keys(index.keySchema())).projection(projection(index)).build())
            .toList());
      }
      table.streamViewType().ifPresent(viewType -> create.streamSpecification(stream -> stream
          .streamEnabled(true).streamViewType(viewType)));
    });
    TableDescription created = dynamoDb.waiter()
        .waitUntilTableExists(describe -> describe.tableName(table.tableName()))
        .matched().response().orElseThrow().table();
    table.ttlAttribute().ifPresent(attribute -> dynamoDb.updateTimeToLive(update -> update
        .tableName(table.tableName())
        .timeToLiveSpecification(ttl -> ttl.attributeName(attribute).enabled(true))));
    if (table.streamViewType().isEmpty()) {
      return Optional.empty();
    }
    String streamArn = created.latestStreamArn() != null ? created.latestStreamArn()
        : dynamoDb.describeTable(describe -> describe.tableName(table.tableName())).table().latestStreamArn();
    if (streamArn == null) {
      throw new IllegalStateException(table.logicalId() + ": DynamoDB Local made no stream for "
          + table.tableName());
    }
    return Optional.of(streamArn);
  }

  private static List<KeySchemaElement> keys(List<TableSpec.KeyElement> elements) {
    return elements.stream()
        .map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build())
        .toList();
  }

  private static Projection projection(TableSpec.IndexSpec index) {
    Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
    if (!index.nonKeyAttributes().isEmpty()) {
      projection.nonKeyAttributes(index.nonKeyAttributes());
    }
    return projection.build();
  }

  /** Dead-letter queues first, so that a redrive policy can name their ARN. */
  private Map<String, String> createQueues(Map<String, QueueSpec> queues) {
    Map<String, String> urls = new LinkedHashMap<>();
    Map<String, String> arns = new HashMap<>();
    List<QueueSpec> ordered = queues.values().stream()
        .sorted((a, b) -> Boolean.compare(a.redrive().isPresent(), b.redrive().isPresent()))
        .toList();
    for (QueueSpec queue : ordered) {
      Map<QueueAttributeName, String> attributes = new HashMap<>();
      attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeoutSeconds()));
      attributes.put(QueueAttributeName.DELAY_SECONDS, Integer.toString(queue.delaySeconds()));
      attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(queue.messageRetentionSeconds()));
      if (queue.fifo()) {
        attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION,
            Boolean.toString(queue.contentBasedDeduplication()));
      }
      queue.redrive().ifPresent(redrive -> {
        String deadLetterArn = arns.get(redrive.deadLetterQueueLogicalId());
        if (deadLetterArn == null) {
          throw new IllegalStateException(queue.logicalId() + ": its dead-letter queue "
              + redrive.deadLetterQueueLogicalId() + " has a redrive policy of its own");
        }
        attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn
            + "\",\"maxReceiveCount\":\"" + redrive.maxReceiveCount() + "\"}");
      });
      String url = sqs.createQueue(create -> create.queueName(queue.queueName()).attributes(attributes)).queueUrl();
      String arn = sqs.getQueueAttributes(get -> get.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
          .attributes().get(QueueAttributeName.QUEUE_ARN);
      urls.put(queue.logicalId(), url);
      arns.put(queue.logicalId(), arn);
    }
    return urls;
  }

  private String valueOf(SecretSpec secret) {
    return secret.secretString().orElseGet(() -> secret.generate()
        .map(secretGenerator::generate)
        .orElseThrow(() -> new IllegalStateException(secret.logicalId()
            + ": neither SecretString nor GenerateSecretString is set")));
  }
}

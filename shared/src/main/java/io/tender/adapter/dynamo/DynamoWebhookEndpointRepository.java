package io.tender.adapter.dynamo;

import io.tender.core.tenant.Mode;
import io.tender.core.webhook.WebhookEndpoint;
import io.tender.core.webhook.WebhookEndpointRepository;
import io.tender.core.webhook.WebhookSigningSecret;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A tenant's webhook endpoints in one partition ({@code T#{t}#{m}#WHENDPOINTS}, {@code sk = {id}}):
 * fan-out reads them with one strongly consistent query, so an endpoint registered a moment ago
 * already receives, and one deleted a moment ago no longer does.
 */
public final class DynamoWebhookEndpointRepository implements WebhookEndpointRepository {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoWebhookEndpointRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void create(WebhookEndpoint endpoint) {
    dynamo.putItem(put -> put.tableName(table).item(item(endpoint)).conditionExpression("attribute_not_exists(pk)"));
  }

  @Override
  public java.util.Optional<WebhookEndpoint> find(String tenantId, Mode mode, String endpointId) {
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS(partition(tenantId, mode)), "sk", AttributeValue.fromS(endpointId))))
        .item();
    return item == null || item.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(endpoint(item));
  }

  @Override
  public List<WebhookEndpoint> list(String tenantId, Mode mode) {
    return dynamo.queryPaginator(query -> query.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(tenantId, mode)))))
        .items().stream().map(DynamoWebhookEndpointRepository::endpoint)
        .sorted(Comparator.comparing(WebhookEndpoint::id).reversed())
        .toList();
  }

  @Override
  public boolean replace(WebhookEndpoint next) {
    try {
      dynamo.putItem(put -> put.tableName(table).item(item(next)).conditionExpression("version = :previous")
          .expressionAttributeValues(Map.of(":previous", AttributeValue.fromN(Long.toString(next.version() - 1)))));
      return true;
    } catch (ConditionalCheckFailedException moved) {
      return false;
    }
  }

  static String partition(String tenantId, Mode mode) {
    return "T#" + tenantId + "#" + mode.wire() + "#WHENDPOINTS";
  }

  private static Map<String, AttributeValue> item(WebhookEndpoint endpoint) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", AttributeValue.fromS(partition(endpoint.tenantId(), endpoint.mode())));
    item.put("sk", AttributeValue.fromS(endpoint.id()));
    item.put("id", AttributeValue.fromS(endpoint.id()));
    item.put("tenantId", AttributeValue.fromS(endpoint.tenantId()));
    item.put("mode", AttributeValue.fromS(endpoint.mode().wire()));
    item.put("url", AttributeValue.fromS(endpoint.url()));
    item.put("events", AttributeValue.fromSs(List.copyOf(endpoint.events())));
    item.put("status", AttributeValue.fromS(endpoint.status().name()));
    item.put("secrets", AttributeValue.fromL(endpoint.secrets().stream()
        .map(secret -> AttributeValue.fromM(Map.of("value", AttributeValue.fromS(secret.value()),
            "signsUntil", AttributeValue.fromS(secret.signsUntil().toString()))))
        .toList()));
    item.put("version", AttributeValue.fromN(Long.toString(endpoint.version())));
    item.put("createdAt", AttributeValue.fromS(endpoint.createdAt().toString()));
    return item;
  }

  private static WebhookEndpoint endpoint(Map<String, AttributeValue> item) {
    return new WebhookEndpoint(item.get("id").s(), item.get("tenantId").s(),
        Mode.fromWire(item.get("mode").s()).orElseThrow(), item.get("url").s(), Set.copyOf(item.get("events").ss()),
        WebhookEndpoint.Status.valueOf(item.get("status").s()),
        item.get("secrets").l().stream().map(value -> new WebhookSigningSecret(value.m().get("value").s(),
            Instant.parse(value.m().get("signsUntil").s()))).toList(),
        Long.parseLong(item.get("version").n()), Instant.parse(item.get("createdAt").s()));
  }
}

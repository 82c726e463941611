package io.tender.adapter.dynamo;

import io.tender.core.tenant.Tenant;
import io.tender.core.tenant.TenantRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Tenants in TenderTable under {@code TENANT#{id}}. */
public final class DynamoTenantRepository implements TenantRepository {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoTenantRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean create(Tenant tenant) {
    var item = new java.util.HashMap<String, AttributeValue>();
    item.put("pk", AttributeValue.fromS(key(tenant.id())));
    item.put("sk", AttributeValue.fromS("#"));
    item.put("id", AttributeValue.fromS(tenant.id()));
    item.put("name", AttributeValue.fromS(tenant.name()));
    item.put("createdAt", AttributeValue.fromS(tenant.createdAt().toString()));
    if (!tenant.approvedDomains().isEmpty()) {
      item.put("approvedDomains", AttributeValue.fromSs(tenant.approvedDomains()));
    }
    try {
      dynamo.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  @Override
  public Optional<Tenant> find(String tenantId) {
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
        .key(Map.of("pk", AttributeValue.fromS(key(tenantId)), "sk", AttributeValue.fromS("#")))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    List<String> domains = item.containsKey("approvedDomains") ? item.get("approvedDomains").ss() : List.of();
    Map<String, Integer> limits = new java.util.HashMap<>();
    if (item.containsKey("rateLimits")) {
      item.get("rateLimits").m().forEach((name, value) -> limits.put(name, Integer.parseInt(value.n())));
    }
    return Optional.of(new Tenant(item.get("id").s(), item.get("name").s(), domains, limits,
        Instant.parse(item.get("createdAt").s())));
  }

  @Override
  public boolean setRateLimits(String tenantId, Map<String, Integer> limits) {
    Map<String, AttributeValue> values = new java.util.HashMap<>();
    limits.forEach((name, limit) -> values.put(name, AttributeValue.fromN(Integer.toString(limit))));
    try {
      dynamo.updateItem(update -> update.tableName(table)
          .key(Map.of("pk", AttributeValue.fromS(key(tenantId)), "sk", AttributeValue.fromS("#")))
          .updateExpression("SET rateLimits = :limits")
          .conditionExpression("attribute_exists(pk)")
          .expressionAttributeValues(Map.of(":limits", AttributeValue.fromM(values))));
      return true;
    } catch (ConditionalCheckFailedException absent) {
      return false;
    }
  }

  @Override
  public boolean approveDomains(String tenantId, List<String> domains) {
    if (domains.isEmpty()) {
      return find(tenantId).isPresent();
    }
    try {
      dynamo.updateItem(update -> update.tableName(table)
        .key(Map.of("pk", AttributeValue.fromS(key(tenantId)), "sk", AttributeValue.fromS("#")))
        .updateExpression("ADD approvedDomains :domains")
        .conditionExpression("attribute_exists(pk)")
        .expressionAttributeValues(Map.of(":domains", AttributeValue.fromSs(
            domains.stream().map(d -> d.toLowerCase(java.util.Locale.ROOT)).distinct().toList()))));
      return true;
    } catch (ConditionalCheckFailedException absent) {
      return false;
    }
  }

  private static String key(String tenantId) {
    return "TENANT#" + tenantId;
  }
}

package io.tender.adapter.dynamo;

import io.tender.core.settlement.ProviderEventInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Provider events in TenderTable ({@code EVT#{provider}#{eventId}}), raw body kept for 30 days. */
public final class DynamoProviderEventInbox implements ProviderEventInbox {
  static final Duration RETENTION = Duration.ofDays(30);

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoProviderEventInbox(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean record(String provider, String eventId, byte[] rawBody, Instant receivedAt) {
    try {
      dynamo.putItem(put -> put.tableName(table).conditionExpression("attribute_not_exists(pk)").item(Map.of(
          "pk", AttributeValue.fromS("EVT#" + provider + "#" + eventId),
          "sk", AttributeValue.fromS("#"),
          "body", AttributeValue.fromB(SdkBytes.fromByteArray(rawBody)),
          "receivedAt", AttributeValue.fromS(receivedAt.toString()),
          "expiresAt", AttributeValue.fromN(Long.toString(receivedAt.plus(RETENTION).getEpochSecond())))));
      return true;
    } catch (ConditionalCheckFailedException redelivered) {
      return false;
    }
  }
}

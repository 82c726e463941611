package io.tender.adapter.dynamo;

import io.tender.core.settlement.ProviderEventInbox;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Provider events in TenderTable ({@code EVT#{provider}#{eventId}}), raw body kept for 30 days.
 *
 * <p>An item holds at most 400 KB while a webhook may carry up to the ingress's 1 MB, so a body
 * over {@link #MAX_STORED_BODY_BYTES} is kept gzip-compressed ({@code bodyEncoding = gzip}), and
 * one that still does not fit keeps only its first bytes ({@code bodyEncoding = truncated}); both
 * also keep the whole body's size and SHA-256. The event is recorded either way: refusing to
 * record it would answer Stripe 5xx for three days.
 */
public final class DynamoProviderEventInbox implements ProviderEventInbox {
  static final Duration RETENTION = Duration.ofDays(30);
  /** What the body may take of the 400 KB item, leaving room for the key and the other attributes. */
  static final int MAX_STORED_BODY_BYTES = 300 * 1024;

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoProviderEventInbox(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean record(String provider, String eventId, byte[] rawBody, Instant receivedAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", AttributeValue.fromS("EVT#" + provider + "#" + eventId));
    item.put("sk", AttributeValue.fromS("#"));
    item.putAll(body(rawBody));
    item.put("receivedAt", AttributeValue.fromS(receivedAt.toString()));
    item.put("expiresAt", AttributeValue.fromN(Long.toString(receivedAt.plus(RETENTION).getEpochSecond())));
    try {
      dynamo.putItem(put -> put.tableName(table).conditionExpression("attribute_not_exists(pk)").item(item));
      return true;
    } catch (ConditionalCheckFailedException redelivered) {
      return false;
    }
  }

  /** The body as it fits in the item: whole, compressed, or its beginning. */
  static Map<String, AttributeValue> body(byte[] raw) {
    if (raw.length <= MAX_STORED_BODY_BYTES) {
      return Map.of("body", bytes(raw));
    }
    byte[] compressed = Gzip.compress(raw);
    boolean fits = compressed.length <= MAX_STORED_BODY_BYTES;
    return Map.of(
        "body", bytes(fits ? compressed : Arrays.copyOf(raw, MAX_STORED_BODY_BYTES)),
        "bodyEncoding", AttributeValue.fromS(fits ? "gzip" : "truncated"),
        "bodySize", AttributeValue.fromN(Integer.toString(raw.length)),
        "bodySha256", AttributeValue.fromS(sha256(raw)));
  }

  private static AttributeValue bytes(byte[] value) {
    return AttributeValue.fromB(SdkBytes.fromByteArray(value));
  }

  private static String sha256(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

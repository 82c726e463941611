package io.tender.bench.capacity;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The kind of an item, read off its partition key as docs/DATA-MODEL.md lays keys out:
 * {@code T#{t}#{m}#PAY#..} is {@code PAY}, {@code T#{t}#AUDIT} is {@code AUDIT}, {@code EVT#..} is
 * {@code EVT}.
 */
final class ItemKinds {
  private ItemKinds() {}

  static String of(Map<String, AttributeValue> key) {
    AttributeValue pk = key == null ? null : key.get("pk");
    return pk == null || pk.s() == null ? "?" : kind(pk.s());
  }

  static String ofQuery(QueryRequest query) {
    AttributeValue pk = query.expressionAttributeValues().get(":pk");
    return pk == null || pk.s() == null ? "" : kind(pk.s());
  }

  static String kind(String pk) {
    String[] parts = pk.split("#");
    if (!parts[0].equals("T") || parts.length < 3) {
      return parts[0];
    }
    boolean moded = parts[2].equals("test") || parts[2].equals("live");
    return moded && parts.length > 3 ? parts[3] : parts[2];
  }
}

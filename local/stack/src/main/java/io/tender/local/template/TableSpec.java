package io.tender.local.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::DynamoDB::Table}.
 *
 * @param attributeTypes {@code AttributeDefinitions}: attribute name → S, N or B
 * @param ttlAttribute {@code TimeToLiveSpecification.AttributeName} when enabled
 * @param streamViewType {@code StreamSpecification.StreamViewType} when the table has a stream:
 *     NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES or KEYS_ONLY
 */
public record TableSpec(
    String logicalId,
    String tableName,
    List<KeyElement> keySchema,
    Map<String, String> attributeTypes,
    List<IndexSpec> globalSecondaryIndexes,
    List<IndexSpec> localSecondaryIndexes,
    Optional<String> ttlAttribute,
    Optional<String> streamViewType) {

  /** One element of a key schema; {@code keyType} is HASH or RANGE. */
  public record KeyElement(String attributeName, String keyType) {}

  /** A secondary index; {@code projectionType} is ALL, KEYS_ONLY or INCLUDE. */
  public record IndexSpec(
      String indexName,
      List<KeyElement> keySchema,
      String projectionType,
      List<String> nonKeyAttributes) {}
}

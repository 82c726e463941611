package io.tender.bench.capacity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** A table's keys and global secondary indexes, as DescribeTable gives them. */
public record TableIndexes(Set<String> tableKeys, List<Index> indexes) {

  /** One index: its key attributes and what it projects. */
  public record Index(String name, Set<String> keys, ProjectionType projection, Set<String> included) {

    boolean holds(Map<String, AttributeValue> item) {
      return item != null && item.keySet().containsAll(keys);
    }

    /** What the index stores of {@code item}. */
    Map<String, AttributeValue> projected(Map<String, AttributeValue> item, Set<String> tableKeys) {
      if (projection == ProjectionType.ALL) {
        return item;
      }
      Map<String, AttributeValue> projected = new HashMap<>();
      item.forEach((name, value) -> {
        if (keys.contains(name) || tableKeys.contains(name) || included.contains(name)) {
          projected.put(name, value);
        }
      });
      return projected;
    }
  }

  public static TableIndexes of(TableDescription table) {
    Set<String> tableKeys = names(table.keySchema());
    List<Index> indexes = table.globalSecondaryIndexes().stream()
        .map(gsi -> new Index(gsi.indexName(), names(gsi.keySchema()), gsi.projection().projectionType(),
            Set.copyOf(gsi.projection().nonKeyAttributes())))
        .toList();
    return new TableIndexes(tableKeys, indexes);
  }

  public Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
    return item.entrySet().stream().filter(e -> tableKeys.contains(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Set<String> names(List<KeySchemaElement> keys) {
    return Stream.of(keys).flatMap(List::stream).map(KeySchemaElement::attributeName).collect(Collectors.toSet());
  }
}

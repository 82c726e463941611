package io.tender.local.template;

import io.tender.local.template.TableSpec.IndexSpec;
import io.tender.local.template.TableSpec.KeyElement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads an {@code AWS::DynamoDB::Table} or an {@code AWS::Serverless::SimpleTable}. */
final class TableReader {
  private static final Set<String> KEY_TYPES = Set.of("HASH", "RANGE");
  private static final Set<String> ATTRIBUTE_TYPES = Set.of("S", "N", "B");
  private static final Set<String> PROJECTION_TYPES = Set.of("ALL", "KEYS_ONLY", "INCLUDE");
  private static final Set<String> STREAM_VIEW_TYPES =
      Set.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
  private static final Map<String, String> SIMPLE_TABLE_TYPES =
      Map.of("String", "S", "Number", "N", "Binary", "B");

  private TableReader() {}

  static TableSpec read(DeclaredResource table, Stack stack) {
    Props props = stack.properties(table);
    Map<String, String> attributeTypes = attributeTypes(props);
    List<KeyElement> keySchema = keySchema(props, "KeySchema", attributeTypes);
    if (keySchema.isEmpty()) {
      throw props.where().error("KeySchema is missing");
    }
    return new TableSpec(
        table.logicalId(),
        stack.physicalName(table),
        keySchema,
        attributeTypes,
        indexes(props, "GlobalSecondaryIndexes", attributeTypes),
        indexes(props, "LocalSecondaryIndexes", attributeTypes),
        ttlAttribute(props),
        streamViewType(props));
  }

  /** SAM's SimpleTable: one hash key, {@code id} of type String unless PrimaryKey says else. */
  static TableSpec readSimpleTable(DeclaredResource table, Stack stack) {
    Props props = stack.properties(table);
    Optional<Props> primaryKey = props.map("PrimaryKey");
    String name = primaryKey.flatMap(key -> key.string("Name")).orElse("id");
    String samType = primaryKey.flatMap(key -> key.string("Type")).orElse("String");
    String type = SIMPLE_TABLE_TYPES.get(samType);
    if (type == null) {
      throw props
          .at("PrimaryKey.Type")
          .error("must be String, Number or Binary, not '" + samType + "'");
    }
    return new TableSpec(
        table.logicalId(),
        stack.physicalName(table),
        List.of(new KeyElement(name, "HASH")),
        Map.of(name, type),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  private static Map<String, String> attributeTypes(Props props) {
    Map<String, String> types = new LinkedHashMap<>();
    for (Props definition : props.maps("AttributeDefinitions")) {
      String type = definition.requiredString("AttributeType");
      if (!ATTRIBUTE_TYPES.contains(type)) {
        throw definition.at("AttributeType").error("must be S, N or B, not '" + type + "'");
      }
      types.put(definition.requiredString("AttributeName"), type);
    }
    return Collections.unmodifiableMap(types);
  }

  private static List<KeyElement> keySchema(
      Props props, String key, Map<String, String> attributeTypes) {
    List<KeyElement> elements = new ArrayList<>();
    for (Props element : props.maps(key)) {
      String name = element.requiredString("AttributeName");
      String keyType = element.requiredString("KeyType");
      if (!KEY_TYPES.contains(keyType)) {
        throw element.at("KeyType").error("must be HASH or RANGE, not '" + keyType + "'");
      }
      // DynamoDB needs the type of every key attribute; without it the table cannot be made.
      if (!attributeTypes.containsKey(name)) {
        throw element
            .at("AttributeName")
            .error("key attribute '" + name + "' is not in AttributeDefinitions");
      }
      elements.add(new KeyElement(name, keyType));
    }
    if (!elements.isEmpty()
        && elements.stream().filter(e -> e.keyType().equals("HASH")).count() != 1) {
      throw props.at(key).error("needs exactly one HASH key");
    }
    return List.copyOf(elements);
  }

  private static List<IndexSpec> indexes(
      Props props, String key, Map<String, String> attributeTypes) {
    List<IndexSpec> indexes = new ArrayList<>();
    for (Props index : props.maps(key)) {
      List<KeyElement> keySchema = keySchema(index, "KeySchema", attributeTypes);
      if (keySchema.isEmpty()) {
        throw index.where().error("KeySchema is missing");
      }
      Optional<Props> projection = index.map("Projection");
      String projectionType = projection.flatMap(p -> p.string("ProjectionType")).orElse("ALL");
      if (!PROJECTION_TYPES.contains(projectionType)) {
        throw index
            .at("Projection.ProjectionType")
            .error("must be ALL, KEYS_ONLY or INCLUDE, not '" + projectionType + "'");
      }
      List<String> nonKeyAttributes =
          projection.map(p -> p.strings("NonKeyAttributes")).orElse(List.of());
      indexes.add(
          new IndexSpec(
              index.requiredString("IndexName"),
              keySchema,
              projectionType,
              List.copyOf(nonKeyAttributes)));
    }
    return List.copyOf(indexes);
  }

  private static Optional<String> ttlAttribute(Props props) {
    Optional<Props> ttl = props.map("TimeToLiveSpecification");
    if (ttl.isEmpty() || !ttl.get().bool("Enabled", false)) {
      return Optional.empty();
    }
    return Optional.of(ttl.get().requiredString("AttributeName"));
  }

  /** {@code StreamSpecification}: CloudFormation needs its StreamViewType. */
  static Optional<String> streamViewType(Props props) {
    Optional<Props> stream = props.map("StreamSpecification");
    if (stream.isEmpty()) {
      return Optional.empty();
    }
    String viewType = stream.get().requiredString("StreamViewType");
    if (!STREAM_VIEW_TYPES.contains(viewType)) {
      throw stream
          .get()
          .at("StreamViewType")
          .error(
              "must be NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES or KEYS_ONLY, not '"
                  + viewType
                  + "'");
    }
    return Optional.of(viewType);
  }
}

package io.tender.adapter.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The one JSON mapper, configured once per container. Plain values (maps with string keys,
 * collections, strings, numbers, booleans, JSON trees) are written straight to a generator, and
 * trees read straight from a parser, as the mapper would: a cold start that never binds a class
 * so never loads the mapper and its serializers, hundreds of classes.
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** Built on first use: a function that only writes JSON never loads the mapper. */
  private static final class Mapper {
    static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    static final ObjectReader STRICT = MAPPER.reader()
        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        // 100.5 is not an amount in minor units; never truncate it to 100.
        .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }

  private Json() {}

  public static ObjectMapper mapper() {
    return Mapper.MAPPER;
  }

  /** For request bodies: unknown fields are refused, so a misspelt field is not silently ignored. */
  public static ObjectReader strictReader() {
    return Mapper.STRICT;
  }

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * A JSON document as a tree, read as {@code mapper().readTree} reads it (a repeated key or
   * anything after the document is refused), by the parser alone: for a function that reads
   * JSON without binding it, the mapper is hundreds of classes to load.
   */
  public static JsonNode readTree(byte[] json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return MissingNode.getInstance();
      }
      JsonNode tree = read(parser, first);
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "Trailing token after the JSON document");
      }
      return tree;
    }
  }

  private static JsonNode read(JsonParser parser, JsonToken token) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          if (object.replace(name, read(parser, parser.nextToken())) != null) {
            throw new JsonParseException(parser, "Duplicate field '" + name + "'");
          }
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
          array.add(read(parser, item));
        }
        yield array;
      }
      case VALUE_STRING -> nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> nodes.numberNode(parser.getIntValue());
        case LONG -> nodes.numberNode(parser.getLongValue());
        default -> nodes.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
      case VALUE_TRUE, VALUE_FALSE -> nodes.booleanNode(token == JsonToken.VALUE_TRUE);
      case VALUE_NULL -> nodes.nullNode();
      default -> throw new JsonParseException(parser, "Unexpected token " + token);
    };
  }

  public static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator, value);
    } catch (IOException e) {
      throw new IllegalArgumentException("value cannot be written as JSON: " + value.getClass(), e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator out, Object value) throws IOException {
    switch (value) {
      case null -> out.writeNull();
      case String text -> out.writeString(text);
      case Boolean flag -> out.writeBoolean(flag);
      case Integer number -> out.writeNumber(number);
      case Long number -> out.writeNumber(number);
      case Double number -> out.writeNumber(number);
      case BigDecimal number -> out.writeNumber(number);
      case BigInteger number -> out.writeNumber(number);
      case Map<?, ?> map when map.keySet().stream().allMatch(String.class::isInstance) -> {
        out.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          out.writeFieldName((String) entry.getKey());
          write(out, entry.getValue());
        }
        out.writeEndObject();
      }
      case Collection<?> list -> {
        out.writeStartArray();
        for (Object item : list) {
          write(out, item);
        }
        out.writeEndArray();
      }
      case JsonNode node when node.isObject() -> {
        out.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          out.writeFieldName(field.getKey());
          write(out, field.getValue());
        }
        out.writeEndObject();
      }
      case JsonNode node when node.isArray() -> {
        out.writeStartArray();
        for (JsonNode item : node) {
          write(out, item);
        }
        out.writeEndArray();
      }
      case JsonNode node when node.isTextual() -> out.writeString(node.textValue());
      case JsonNode node when node.isBoolean() -> out.writeBoolean(node.booleanValue());
      case JsonNode node when node.isNull() -> out.writeNull();
      case JsonNode node when node.isNumber() && !node.isFloat() -> write(out, node.numberValue());
      // Anything else (records, enums, dates, binary) is the mapper's to write.
      default -> mapper().writeValue(out, value);
    }
  }
}

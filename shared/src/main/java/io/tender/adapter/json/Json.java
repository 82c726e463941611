package io.tender.adapter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper, configured once per container. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private static final ObjectReader STRICT = MAPPER.reader()
      .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      // 100.5 is not an amount in minor units; never truncate it to 100.
      .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** For request bodies: unknown fields are refused, so a misspelt field is not silently ignored. */
  public static ObjectReader strictReader() {
    return STRICT;
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("value cannot be written as JSON: " + value.getClass(), e);
    }
  }
}

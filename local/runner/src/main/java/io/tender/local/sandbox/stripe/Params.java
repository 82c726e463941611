package io.tender.local.sandbox.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Typed reads of one level of a parsed form, failing the way Stripe does: unknown parameters are
 * refused by name, so a connector typo shows up here rather than against the real API.
 */
final class Params {
  private static final int MAX_METADATA_KEYS = 50;
  private static final int MAX_METADATA_KEY_LENGTH = 40;
  private static final int MAX_METADATA_VALUE_LENGTH = 500;

  private final JsonNode node;
  private final String path;

  Params(JsonNode node, String path) {
    if (!node.isObject()) {
      throw StripeError.invalidRequest(path, "Invalid object: " + path);
    }
    this.node = node;
    this.path = path;
  }

  static Params root(ObjectNode form) {
    return new Params(form, "");
  }

  String name(String field) {
    return path.isEmpty() ? field : path + "[" + field + "]";
  }

  void allowOnly(Set<String> fields) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      if (!fields.contains(field)) {
        throw StripeError.invalidRequest(name(field), "Received unknown parameter: " + name(field));
      }
    }
  }

  boolean has(String field) {
    return node.has(field);
  }

  String string(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw StripeError.invalidRequest(name(field), "Invalid string: " + name(field));
    }
    return value.asText();
  }

  String requiredString(String field) {
    String value = string(field);
    if (value == null || value.isEmpty()) {
      throw StripeError.invalidRequest(name(field), "Missing required param: " + name(field) + ".");
    }
    return value;
  }

  Long integer(String field) {
    String value = string(field);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw StripeError.invalidRequest(name(field), "Invalid integer: " + value);
    }
  }

  Params object(String field) {
    JsonNode value = node.get(field);
    return value == null ? null : new Params(value, name(field));
  }

  JsonNode raw(String field) {
    return node.get(field);
  }

  /** Stripe's metadata: string keys and values, bounded in count and length. */
  ObjectNode metadata(String field) {
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    JsonNode value = node.get(field);
    if (value == null || (value.isTextual() && value.asText().isEmpty())) {
      return metadata;
    }
    if (!value.isObject()) {
      throw StripeError.invalidRequest(name(field), "Invalid object: " + name(field));
    }
    if (value.size() > MAX_METADATA_KEYS) {
      throw StripeError.invalidRequest(name(field), "Metadata can have up to 50 keys.");
    }
    value.fields().forEachRemaining(entry -> {
      String key = entry.getKey();
      if (key.length() > MAX_METADATA_KEY_LENGTH || !entry.getValue().isTextual()
          || entry.getValue().asText().length() > MAX_METADATA_VALUE_LENGTH) {
        throw StripeError.invalidRequest(name(field) + "[" + key + "]",
            "Metadata keys are up to 40 characters and values strings of up to 500 characters.");
      }
      metadata.put(key, entry.getValue().asText());
    });
    return metadata;
  }
}

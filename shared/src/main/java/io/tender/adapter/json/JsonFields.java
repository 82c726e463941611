package io.tender.adapter.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A request object's fields read as they are, for a route's own "from JSON" function. Each check
 * passes for an absent or null field too; a value of any other shape fails it, and the body is
 * then left to the mapper, whose refusals name the field.
 */
public final class JsonFields {
  private JsonFields() {}

  public static boolean onlyThese(ObjectNode object, Set<String> names) {
    for (var field : object.properties()) {
      if (!names.contains(field.getKey())) {
        return false;
      }
    }
    return true;
  }

  public static boolean isLong(ObjectNode object, String name) {
    JsonNode value = object.get(name);
    return isNull(value) || value.isIntegralNumber() && value.canConvertToLong();
  }

  public static boolean isText(ObjectNode object, String... names) {
    for (String name : names) {
      JsonNode value = object.get(name);
      if (!isNull(value) && !value.isTextual()) {
        return false;
      }
    }
    return true;
  }

  public static boolean isTextList(ObjectNode object, String name) {
    JsonNode value = object.get(name);
    if (isNull(value)) {
      return true;
    }
    if (!value.isArray()) {
      return false;
    }
    for (JsonNode item : value) {
      if (!item.isNull() && !item.isTextual()) {
        return false;
      }
    }
    return true;
  }

  public static Long longOrNull(ObjectNode object, String name) {
    JsonNode value = object.get(name);
    return isNull(value) ? null : value.longValue();
  }

  public static String textOrNull(ObjectNode object, String name) {
    JsonNode value = object.get(name);
    return isNull(value) ? null : value.textValue();
  }

  public static List<String> textListOrNull(ObjectNode object, String name) {
    JsonNode value = object.get(name);
    if (isNull(value)) {
      return null;
    }
    List<String> items = new ArrayList<>();
    value.forEach(item -> items.add(item.textValue()));
    return items;
  }

  private static boolean isNull(JsonNode value) {
    return value == null || value.isNull();
  }
}

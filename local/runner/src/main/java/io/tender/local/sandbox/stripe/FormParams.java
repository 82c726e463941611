package io.tender.local.sandbox.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stripe's form encoding with bracket notation, parsed into a tree: {@code a[b][0][c]=x} becomes
 * {@code {"a":{"b":[{"c":"x"}]}}}; {@code a[]=x&a[]=y} becomes {@code {"a":["x","y"]}}. Leaves
 * stay strings, as on the wire; the handlers decide what each must be.
 */
final class FormParams {
  private FormParams() {}

  static ObjectNode parse(String body) {
    Map<String, Object> root = new LinkedHashMap<>();
    if (body != null && !body.isBlank()) {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        put(root, segments(key), value, key);
      }
    }
    return (ObjectNode) toNode(root, "");
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw StripeError.invalidRequest(null, "Invalid form encoding in request body.");
    }
  }

  private static List<String> segments(String key) {
    List<String> segments = new ArrayList<>();
    int open = key.indexOf('[');
    segments.add(open < 0 ? key : key.substring(0, open));
    while (open >= 0) {
      int close = key.indexOf(']', open);
      if (close < 0) {
        throw StripeError.invalidRequest(key, "Invalid parameter name: " + key);
      }
      segments.add(key.substring(open + 1, close));
      open = close + 1 < key.length() ? close + 1 : -1;
      if (open >= 0 && key.charAt(open) != '[') {
        throw StripeError.invalidRequest(key, "Invalid parameter name: " + key);
      }
    }
    if (segments.getFirst().isEmpty()) {
      throw StripeError.invalidRequest(key, "Invalid parameter name: " + key);
    }
    return segments;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, List<String> segments, String value, String key) {
    Map<String, Object> container = root;
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      // "[]" appends: its index is the count so far, the same as stripe-java's explicit indexes.
      String name = segment.isEmpty() ? Integer.toString(container.size()) : segment;
      boolean last = i == segments.size() - 1;
      Object existing = container.get(name);
      if (last) {
        if (existing != null) {
          throw StripeError.invalidRequest(key, "Parameter given more than once: " + key);
        }
        container.put(name, value);
      } else if (existing == null) {
        Map<String, Object> child = new LinkedHashMap<>();
        container.put(name, child);
        container = child;
      } else if (existing instanceof Map<?, ?> map) {
        container = (Map<String, Object>) map;
      } else {
        throw StripeError.invalidRequest(key, "Parameter is both a value and a hash: " + key);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static JsonNode toNode(Object value, String path) {
    if (value instanceof String text) {
      return JsonNodeFactory.instance.textNode(text);
    }
    Map<String, Object> map = (Map<String, Object>) value;
    boolean indexed = !map.isEmpty() && !path.isEmpty()
        && map.keySet().stream().allMatch(k -> k.matches("\\d{1,4}"));
    if (indexed) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < map.size(); i++) {
        Object element = map.get(Integer.toString(i));
        if (element == null) {
          throw StripeError.invalidRequest(path, "Invalid array: indexes of " + path + " must run from 0.");
        }
        array.add(toNode(element, path + "[" + i + "]"));
      }
      return array;
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    map.forEach((k, v) -> object.set(k, toNode(v, path.isEmpty() ? k : path + "[" + k + "]")));
    return object;
  }
}

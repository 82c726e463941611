package io.tender.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One {@code FilterCriteria.Filters[].Pattern} of an event source mapping: the part of
 * EventBridge's pattern syntax that Lambda event filtering accepts, read when the template is read
 * so that an operator Lambda refuses stops the runner at start rather than matching nothing.
 *
 * <p>A pattern is a JSON object whose keys name fields of the record as Lambda delivers it. Every
 * key must match (and); a list of matchers matches when any one does (or); {@code "$or"} takes a
 * list of patterns of which one must match. Matchers: exact strings, numbers, booleans and {@code
 * null}; {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code anything-but} (a value
 * or a list), {@code numeric} (=, &lt;, &lt;=, &gt;, &gt;=) and {@code exists}.
 *
 * <p>As in EventBridge, matchers see leaf values only: a field holding an object has none, so
 * {@code exists: true} does not match it. For a DynamoDB attribute, name its type too: {@code
 * "kind": {"S": [{"exists": true}]}}. A list in the record matches when one of its items does.
 */
public final class EventFilterPattern {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NUMERIC_OPERATORS = Set.of("=", "<", "<=", ">", ">=");
  private static final String LAMBDA_OPERATORS =
      "prefix, suffix, equals-ignore-case, anything-but, numeric, exists";

  private final String text;
  private final Fields root;

  private EventFilterPattern(String text, Fields root) {
    this.text = text;
    this.root = root;
  }

  /** The pattern as the template writes it. */
  public String text() {
    return text;
  }

  /** Whether a record, as Lambda would deliver it, passes this pattern. */
  public boolean matches(JsonNode record) {
    return root.matches(record);
  }

  static EventFilterPattern parse(String text, Where where) {
    JsonNode pattern;
    try {
      pattern = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw where.error("is not JSON: " + e.getOriginalMessage());
    }
    if (pattern == null || !pattern.isObject() || pattern.isEmpty()) {
      throw where.error("must be a JSON object naming at least one field, not " + text);
    }
    return new EventFilterPattern(text, fields(pattern, where, ""));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EventFilterPattern that && that.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private static Fields fields(JsonNode object, Where where, String path) {
    Map<String, Rule> fields = new LinkedHashMap<>();
    List<List<Fields>> alternatives = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      JsonNode value = field.getValue();
      if (field.getKey().equals("$or")) {
        alternatives.add(alternatives(value, where, at));
      } else if (value.isObject()) {
        fields.put(field.getKey(), fields(value, where, at));
      } else if (value.isArray()) {
        fields.put(field.getKey(), leaf(value, where, at));
      } else {
        throw where.error(
            "'%s' must be a list of values or matchers, or an object of fields, not %s"
                .formatted(at, value));
      }
    }
    return new Fields(fields, alternatives);
  }

  private static List<Fields> alternatives(JsonNode value, Where where, String at) {
    if (!value.isArray() || value.size() < 2) {
      throw where.error("'" + at + "' must be a list of at least two patterns");
    }
    List<Fields> alternatives = new ArrayList<>();
    for (JsonNode alternative : value) {
      if (!alternative.isObject() || alternative.isEmpty()) {
        throw where.error("'" + at + "' must list patterns (objects), not " + alternative);
      }
      alternatives.add(fields(alternative, where, at));
    }
    return alternatives;
  }

  private static Leaf leaf(JsonNode list, Where where, String at) {
    if (list.isEmpty()) {
      throw where.error("'" + at + "' lists no value to match");
    }
    List<Matcher> matchers = new ArrayList<>();
    for (JsonNode item : list) {
      matchers.add(item.isObject() ? operator(item, where, at) : exact(item, where, at));
    }
    return new Leaf(matchers);
  }

  private static Matcher exact(JsonNode value, Where where, String at) {
    if (value.isArray()) {
      throw where.error("'" + at + "' nests a list in a list: " + value);
    }
    return leaf -> sameValue(leaf, value);
  }

  private static Matcher operator(JsonNode matcher, Where where, String at) {
    if (matcher.size() != 1) {
      throw where.error("'" + at + "' has a matcher with more than one operator: " + matcher);
    }
    String operator = matcher.fieldNames().next();
    JsonNode operand = matcher.get(operator);
    return switch (operator) {
      case "prefix" -> {
        String prefix = text(operand, operator, where, at);
        yield leaf -> leaf.isTextual() && leaf.textValue().startsWith(prefix);
      }
      case "suffix" -> {
        String suffix = text(operand, operator, where, at);
        yield leaf -> leaf.isTextual() && leaf.textValue().endsWith(suffix);
      }
      case "equals-ignore-case" -> {
        String expected = text(operand, operator, where, at).toLowerCase(Locale.ROOT);
        yield leaf ->
            leaf.isTextual() && leaf.textValue().toLowerCase(Locale.ROOT).equals(expected);
      }
      case "anything-but" -> anythingBut(operand, where, at);
      case "numeric" -> numeric(operand, where, at);
      case "exists" -> {
        if (!operand.isBoolean()) {
          throw where.error("'" + at + "': exists takes true or false, not " + operand);
        }
        yield new Exists(operand.booleanValue());
      }
      default ->
          throw where.error(
              "'%s': '%s' is not an operator Lambda event filtering supports (it supports %s)"
                  .formatted(at, operator, LAMBDA_OPERATORS));
    };
  }

  private static String text(JsonNode operand, String operator, Where where, String at) {
    if (!operand.isTextual()) {
      throw where.error(
          "'%s': %s takes a string here, not %s".formatted(at, operator, operand));
    }
    return operand.textValue();
  }

  /** Matches a value present and none of the listed ones. */
  private static Matcher anythingBut(JsonNode operand, Where where, String at) {
    List<JsonNode> excluded = new ArrayList<>();
    if (operand.isArray()) {
      operand.forEach(excluded::add);
    } else {
      excluded.add(operand);
    }
    for (JsonNode value : excluded) {
      if (!(value.isTextual() || value.isNumber())) {
        throw where.error(
            ("'%s': anything-but takes a string, a number or a list of them, not %s (Lambda event"
                    + " filtering has no anything-but with prefix, suffix or ignore-case)")
                .formatted(at, operand));
      }
    }
    return leaf -> excluded.stream().noneMatch(value -> sameValue(leaf, value));
  }

  /**
   * {@code ["=", 100]} or one or two comparisons such as {@code [">", 0, "<=", 5]}. DynamoDB
   * writes numbers as strings ({@code "N": "100"}), so a numeric string is compared as a number.
   */
  private static Matcher numeric(JsonNode operand, Where where, String at) {
    if (!operand.isArray() || operand.isEmpty() || operand.size() % 2 != 0 || operand.size() > 4) {
      throw where.error(
          ("'%s': numeric takes one or two operator-number pairs, such as [\">\", 0, \"<=\", 5],"
                  + " not %s")
              .formatted(at, operand));
    }
    List<Comparison> comparisons = new ArrayList<>();
    for (int i = 0; i < operand.size(); i += 2) {
      String op = operand.get(i).asText();
      JsonNode bound = operand.get(i + 1);
      if (!operand.get(i).isTextual() || !NUMERIC_OPERATORS.contains(op) || !bound.isNumber()) {
        throw where.error(
            "'%s': numeric takes pairs of =, <, <=, >, >= and a number, not %s"
                .formatted(at, operand));
      }
      if (op.equals("=") && operand.size() > 2) {
        throw where.error("'" + at + "': numeric '=' stands alone, not in a range: " + operand);
      }
      comparisons.add(new Comparison(op, bound.decimalValue()));
    }
    return leaf -> {
      BigDecimal number = number(leaf);
      return number != null && comparisons.stream().allMatch(c -> c.holdsFor(number));
    };
  }

  private static boolean sameValue(JsonNode leaf, JsonNode expected) {
    if (expected.isNumber()) {
      return leaf.isNumber() && leaf.decimalValue().compareTo(expected.decimalValue()) == 0;
    }
    return leaf.equals(expected);
  }

  private static BigDecimal number(JsonNode leaf) {
    if (leaf.isNumber()) {
      return leaf.decimalValue();
    }
    if (leaf.isTextual()) {
      try {
        return new BigDecimal(leaf.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The scalar values at a field: none for an absent field or an object, each item of a list. */
  private static List<JsonNode> leaves(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isObject()) {
      return List.of();
    }
    if (value.isArray()) {
      List<JsonNode> leaves = new ArrayList<>();
      value.forEach(item -> leaves.addAll(leaves(item)));
      return leaves;
    }
    return List.of(value);
  }

  private sealed interface Rule permits Fields, Leaf {
    boolean matches(JsonNode value);
  }

  private record Fields(Map<String, Rule> fields, List<List<Fields>> alternatives) implements Rule {
    @Override
    public boolean matches(JsonNode value) {
      for (Map.Entry<String, Rule> field : fields.entrySet()) {
        JsonNode child = value != null && value.isObject() ? value.get(field.getKey()) : null;
        if (!field.getValue().matches(child == null ? MissingNode.getInstance() : child)) {
          return false;
        }
      }
      return alternatives.stream().allMatch(any -> any.stream().anyMatch(f -> f.matches(value)));
    }
  }

  private record Leaf(List<Matcher> matchers) implements Rule {
    @Override
    public boolean matches(JsonNode value) {
      List<JsonNode> leaves = leaves(value);
      return matchers.stream()
          .anyMatch(
              matcher ->
                  matcher instanceof Exists exists
                      ? exists.present() == !leaves.isEmpty()
                      : leaves.stream().anyMatch(matcher::matches));
    }
  }

  @FunctionalInterface
  private interface Matcher {
    boolean matches(JsonNode leaf);
  }

  /** Decided on the field as a whole, not on one of its values. */
  private record Exists(boolean present) implements Matcher {
    @Override
    public boolean matches(JsonNode leaf) {
      return present;
    }
  }

  private record Comparison(String operator, BigDecimal bound) {
    boolean holdsFor(BigDecimal number) {
      int order = number.compareTo(bound);
      return switch (operator) {
        case "=" -> order == 0;
        case "<" -> order < 0;
        case "<=" -> order <= 0;
        case ">" -> order > 0;
        default -> order >= 0;
      };
    }
  }
}

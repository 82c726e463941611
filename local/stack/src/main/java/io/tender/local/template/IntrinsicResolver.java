package io.tender.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions in a parsed template value. The result holds no
 * intrinsic any more, only maps, lists and scalars; {@code AWS::NoValue} removes the map entry or
 * list item that holds it, and at the top it comes back as {@link NoValue#INSTANCE}.
 */
final class IntrinsicResolver {
  private final Scope scope;

  IntrinsicResolver(Scope scope) {
    this.scope = scope;
  }

  /** True for {@code {"Ref": ...}} and {@code {"Fn::...": ...}}. */
  static boolean isIntrinsic(Object value) {
    return value instanceof Map<?, ?> map
        && map.size() == 1
        && map.keySet().iterator().next() instanceof String key
        && (key.equals("Ref") || key.startsWith("Fn::"));
  }

  Object resolve(Object value, Where where) {
    if (isIntrinsic(value)) {
      Map.Entry<?, ?> call = ((Map<?, ?>) value).entrySet().iterator().next();
      return call((String) call.getKey(), call.getValue(), where);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> resolved = new LinkedHashMap<>();
      map.forEach(
          (key, item) -> {
            Object result = resolve(item, where.at(String.valueOf(key)));
            if (result != NoValue.INSTANCE) {
              resolved.put(String.valueOf(key), result);
            }
          });
      return resolved;
    }
    if (value instanceof List<?> list) {
      List<Object> resolved = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        Object result = resolve(list.get(i), where.at(i));
        if (result != NoValue.INSTANCE) {
          resolved.add(result);
        }
      }
      return resolved;
    }
    return value;
  }

  /** Evaluates a condition expression: Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition. */
  boolean condition(Object expression, Where where) {
    if (expression instanceof Map<?, ?> map && map.size() == 1) {
      Map.Entry<?, ?> call = map.entrySet().iterator().next();
      Object arg = call.getValue();
      switch (String.valueOf(call.getKey())) {
        case "Condition" -> {
          return scope.condition(name(arg, "Condition", where), where);
        }
        case "Fn::Equals" -> {
          List<?> operands = arguments(arg, 2, 2, "!Equals", where);
          return comparable(resolve(operands.get(0), where), where)
              .equals(comparable(resolve(operands.get(1), where), where));
        }
        case "Fn::Not" -> {
          return !condition(arguments(arg, 1, 1, "!Not", where).get(0), where);
        }
        case "Fn::And", "Fn::Or" -> {
          boolean and = call.getKey().equals("Fn::And");
          List<?> operands = arguments(arg, 2, 10, and ? "!And" : "!Or", where);
          // Every operand is evaluated, so that a wrong one is reported whatever the others say.
          boolean result = and;
          for (Object operand : operands) {
            boolean value = condition(operand, where);
            result = and ? result && value : result || value;
          }
          return result;
        }
        default -> {}
      }
    }
    throw where.error(
        "not a condition (expected Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition): "
            + expression);
  }

  private Object call(String function, Object arg, Where where) {
    return switch (function) {
      case "Ref" -> scope.ref(name(arg, "!Ref", where), where, "!Ref");
      case "Fn::GetAtt" -> getAtt(resolve(arg, where), where);
      case "Fn::Sub" -> sub(arg, where);
      case "Fn::Join" -> join(resolve(arg, where), where);
      case "Fn::Select" -> select(resolve(arg, where), where);
      case "Fn::Split" -> split(resolve(arg, where), where);
      case "Fn::FindInMap" -> findInMap(resolve(arg, where), where);
      case "Fn::Base64" ->
          Base64.getEncoder()
              .encodeToString(
                  Scalars.text(resolve(arg, where), where).getBytes(StandardCharsets.UTF_8));
      case "Fn::If" -> ifThenElse(arg, where);
      case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> condition(Map.of(function, arg), where);
      case "Fn::GetAZs" ->
          List.of(scope.region() + "a", scope.region() + "b", scope.region() + "c");
      case "Fn::ImportValue" ->
          throw where.error(
              "!ImportValue reads another stack's export, which does not exist locally");
      default -> throw where.error(function + " cannot be resolved locally");
    };
  }

  private Object getAtt(Object arg, Where where) {
    List<String> parts;
    if (arg instanceof String dotted && dotted.indexOf('.') > 0) {
      int dot = dotted.indexOf('.');
      parts = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
    } else {
      parts = texts(arguments(arg, 2, 2, "!GetAtt", where), where);
    }
    return scope.getAtt(parts.get(0), parts.get(1), where, "!GetAtt");
  }

  /**
   * {@code ${Name}}, {@code ${Resource.Attribute}}, {@code ${AWS::Region}}; {@code ${!x}} is
   * literal.
   */
  private String sub(Object arg, Where where) {
    String template;
    Map<?, ?> variables = Map.of();
    if (arg instanceof String text) {
      template = text;
    } else if (arg instanceof List<?> list
        && list.size() == 2
        && list.get(0) instanceof String text
        && list.get(1) instanceof Map<?, ?>) {
      template = text;
      variables = (Map<?, ?>) resolve(list.get(1), where);
    } else {
      throw where.error("!Sub takes a string or [string, {variables}], not " + arg);
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (true) {
      int start = template.indexOf("${", from);
      if (start < 0) {
        return out.append(template, from, template.length()).toString();
      }
      out.append(template, from, start);
      if (start + 2 < template.length() && template.charAt(start + 2) == '!') {
        out.append("${");
        from = start + 3;
        continue;
      }
      int end = template.indexOf('}', start);
      if (end < 0) {
        throw where.error("!Sub has an unclosed '${' in '" + template + "'");
      }
      out.append(subVariable(template.substring(start + 2, end).trim(), variables, where));
      from = end + 1;
    }
  }

  private String subVariable(String name, Map<?, ?> variables, Where where) {
    if (name.isEmpty()) {
      throw where.error("!Sub has an empty '${}'");
    }
    Object value;
    if (variables.containsKey(name)) {
      value = variables.get(name);
    } else if (!name.startsWith("AWS::") && name.indexOf('.') > 0) {
      int dot = name.indexOf('.');
      value = scope.getAtt(name.substring(0, dot), name.substring(dot + 1), where, "!Sub");
    } else {
      value = scope.ref(name, where, "!Sub");
    }
    if (value == NoValue.INSTANCE || value instanceof List<?>) {
      throw where.error("!Sub variable '${" + name + "}' is not a single value");
    }
    return Scalars.text(value, where);
  }

  private String join(Object arg, Where where) {
    List<?> args = arguments(arg, 2, 2, "!Join", where);
    String delimiter = Scalars.text(args.get(0), where);
    if (!(args.get(1) instanceof List<?> items)) {
      throw where.error("!Join needs a list of values to join, not " + args.get(1));
    }
    return String.join(delimiter, texts(items, where));
  }

  private Object select(Object arg, Where where) {
    List<?> args = arguments(arg, 2, 2, "!Select", where);
    int index = Scalars.integer(args.get(0), where);
    if (!(args.get(1) instanceof List<?> items)) {
      throw where.error("!Select needs a list to select from, not " + args.get(1));
    }
    if (index < 0 || index >= items.size()) {
      throw where.error("!Select index " + index + " is outside the list " + items);
    }
    return items.get(index);
  }

  private List<String> split(Object arg, Where where) {
    List<?> args = arguments(arg, 2, 2, "!Split", where);
    String delimiter = Scalars.text(args.get(0), where);
    String source = Scalars.text(args.get(1), where);
    return Arrays.asList(source.split(Pattern.quote(delimiter), -1));
  }

  private Object findInMap(Object arg, Where where) {
    List<String> keys = texts(arguments(arg, 3, 3, "!FindInMap", where), where);
    return scope.findInMap(keys.get(0), keys.get(1), keys.get(2), where);
  }

  /** Only the chosen branch is resolved, as in CloudFormation. */
  private Object ifThenElse(Object arg, Where where) {
    List<?> args = arguments(arg, 3, 3, "!If", where);
    boolean chosen = scope.condition(name(args.get(0), "!If", where), where);
    return resolve(chosen ? args.get(1) : args.get(2), where);
  }

  private static List<?> arguments(Object arg, int min, int max, String function, Where where) {
    if (arg instanceof List<?> list && list.size() >= min && list.size() <= max) {
      return list;
    }
    String count = min == max ? String.valueOf(min) : min + " to " + max;
    throw where.error(function + " takes a list of " + count + " arguments, not " + arg);
  }

  private static String name(Object arg, String function, Where where) {
    if (arg instanceof String name && !name.isBlank()) {
      return name;
    }
    throw where.error(function + " takes a name, not " + arg);
  }

  private static List<String> texts(List<?> values, Where where) {
    return values.stream().map(value -> Scalars.text(value, where)).toList();
  }

  /** Fn::Equals compares values as text, lists item by item. */
  private static Object comparable(Object value, Where where) {
    return value instanceof List<?> list ? texts(list, where) : Scalars.text(value, where);
  }
}

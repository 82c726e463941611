package io.tender.local.template;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the template's {@code Parameters}: an override if one was given, else the {@code
 * Default}. List types ({@code CommaDelimitedList}, {@code List<...>}) hold a list of strings,
 * every other type a string, as {@code Ref} returns them in CloudFormation.
 */
final class Parameters {
  private final Map<String, Object> values;

  private Parameters(Map<String, Object> values) {
    this.values = values;
  }

  static Parameters read(Object section, Map<String, String> overrides) {
    Map<String, Object> declared = Templates.mapOrEmpty(section, Where.of("Parameters"));
    for (String name : overrides.keySet()) {
      if (!declared.containsKey(name)) {
        throw new TemplateException(
            "Parameter override '" + name + "' names no parameter of the template");
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    declared.forEach(
        (name, definition) -> {
          Where where = Where.of("Parameter '" + name + "'");
          values.put(name, value(Templates.map(definition, where), overrides.get(name), where));
        });
    return new Parameters(values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Object value(String name) {
    return values.get(name);
  }

  private static Object value(Map<String, Object> definition, String override, Where where) {
    if (!(definition.get("Type") instanceof String type)) {
      throw where.at("Type").error("Type is missing");
    }
    Object defaultValue = definition.get("Default");
    if (override == null && type.startsWith("AWS::SSM::Parameter::Value<")) {
      throw where.error(
          "its value is read from SSM parameter '"
              + defaultValue
              + "', which does not exist locally; give the value as a parameter override");
    }
    if (override == null && defaultValue == null) {
      throw where.error("has no Default and no override was given");
    }
    String text = override != null ? override : Scalars.text(defaultValue, where.at("Default"));
    boolean isList = type.equals("CommaDelimitedList") || type.startsWith("List<");
    List<String> items =
        isList ? Arrays.stream(text.split(",", -1)).map(String::trim).toList() : List.of(text);
    for (String item : items) {
      check(item, type, definition, where);
    }
    return isList ? items : text;
  }

  private static void check(String item, String type, Map<String, Object> definition, Where where) {
    if (type.equals("Number") || type.equals("List<Number>")) {
      try {
        new BigDecimal(item.trim());
      } catch (NumberFormatException e) {
        throw where.error("'" + item + "' is not a number");
      }
    }
    if (definition.get("AllowedValues") instanceof List<?> allowed
        && allowed.stream().map(v -> Scalars.text(v, where)).noneMatch(item::equals)) {
      throw where.error("'" + item + "' is not one of the AllowedValues " + allowed);
    }
    if (definition.get("AllowedPattern") instanceof String pattern && !item.matches(pattern)) {
      throw where.error("'" + item + "' does not match the AllowedPattern " + pattern);
    }
  }
}

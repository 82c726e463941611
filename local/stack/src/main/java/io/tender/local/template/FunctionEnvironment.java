package io.tender.local.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function's {@code Environment.Variables} merged the way SAM merges Globals: key by key, the
 * function's own value replacing the global one before intrinsics are resolved. Every value ends up
 * a string, as Lambda hands them to the function.
 */
final class FunctionEnvironment {
  private FunctionEnvironment() {}

  /** An unresolved value and where it was written, so that errors point to Globals or function. */
  private record Declared(Object value, Where where) {}

  static Map<String, String> merge(Props inherited, Props own) {
    Map<String, Declared> declared = new LinkedHashMap<>();
    collect(inherited, declared);
    collect(own, declared);
    Map<String, String> environment = new LinkedHashMap<>();
    declared.forEach(
        (name, variable) -> {
          Object value = own.resolver().resolve(variable.value(), variable.where());
          if (value != NoValue.INSTANCE) {
            environment.put(name, Scalars.text(value, variable.where()));
          }
        });
    return Collections.unmodifiableMap(environment);
  }

  private static void collect(Props side, Map<String, Declared> into) {
    Where where = side.at("Environment");
    Object environment = replaceIfIntrinsic(side.raw("Environment"), where, side, into);
    if (environment == null) {
      return;
    }
    Where variablesWhere = where.at("Variables");
    Object variables =
        replaceIfIntrinsic(
            Templates.map(environment, where).get("Variables"), variablesWhere, side, into);
    if (variables == null) {
      return;
    }
    Templates.map(variables, variablesWhere)
        .forEach((name, value) -> into.put(name, new Declared(value, variablesWhere.at(name))));
  }

  /**
   * SAM treats an intrinsic as a single value: it replaces the global map as a whole instead of
   * merging into it. Returns the value to merge, null when there is none.
   */
  private static Object replaceIfIntrinsic(
      Object value, Where where, Props side, Map<String, Declared> into) {
    if (!IntrinsicResolver.isIntrinsic(value)) {
      return value;
    }
    into.clear();
    Object resolved = side.resolver().resolve(value, where);
    return resolved == NoValue.INSTANCE ? null : resolved;
  }
}

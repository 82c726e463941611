package io.tender.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, lazily resolved access to a map of properties. Each property is resolved when read, so
 * that properties the runner never reads (tags, policies, ...) need not be resolvable locally;
 * errors name the property's path.
 */
final class Props {
  private final Map<String, Object> values;
  private final Where where;

  /** Null when {@link #values} are already resolved. */
  private final IntrinsicResolver resolver;

  private Props(Map<String, Object> values, Where where, IntrinsicResolver resolver) {
    this.values = values;
    this.where = where;
    this.resolver = resolver;
  }

  /** Properties still holding intrinsics; {@code raw} may be null (no properties). */
  static Props unresolved(Object raw, Where where, IntrinsicResolver resolver) {
    return new Props(Templates.mapOrEmpty(raw, where), where, resolver);
  }

  static Props resolved(Object value, Where where) {
    return new Props(Templates.map(value, where), where, null);
  }

  Where where() {
    return where;
  }

  Where at(String key) {
    return where.at(key);
  }

  Set<String> keys() {
    return values.keySet();
  }

  /** The value as written, intrinsics unresolved. */
  Object raw(String key) {
    return values.get(key);
  }

  IntrinsicResolver resolver() {
    return resolver;
  }

  /** The resolved value; empty when absent, null or {@code AWS::NoValue}. */
  Optional<Object> get(String key) {
    Object value = values.get(key);
    if (resolver != null) {
      value = resolver.resolve(value, at(key));
    }
    return value == null || value == NoValue.INSTANCE ? Optional.empty() : Optional.of(value);
  }

  Optional<String> string(String key) {
    return get(key).map(value -> Scalars.text(value, at(key)));
  }

  String requiredString(String key) {
    return string(key).orElseThrow(() -> where.error(key + " is missing"));
  }

  Optional<Integer> integer(String key) {
    return get(key).map(value -> Scalars.integer(value, at(key)));
  }

  int integer(String key, int defaultValue) {
    return integer(key).orElse(defaultValue);
  }

  Optional<Boolean> bool(String key) {
    return get(key).map(value -> Scalars.bool(value, at(key)));
  }

  boolean bool(String key, boolean defaultValue) {
    return bool(key).orElse(defaultValue);
  }

  Optional<Props> map(String key) {
    return get(key).map(value -> resolved(value, at(key)));
  }

  /** A list of maps, such as {@code KeySchema}; empty when absent. */
  List<Props> maps(String key) {
    List<?> items = list(key);
    List<Props> maps = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      maps.add(resolved(items.get(i), at(key).at(i)));
    }
    return maps;
  }

  /** A list of single values; empty when absent. */
  List<String> strings(String key) {
    List<?> items = list(key);
    List<String> texts = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      texts.add(Scalars.text(items.get(i), at(key).at(i)));
    }
    return texts;
  }

  private List<?> list(String key) {
    Optional<Object> value = get(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (value.get() instanceof List<?> list) {
      return list;
    }
    throw at(key).error("must be a list, not " + value.get());
  }
}

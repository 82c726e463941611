package io.tender.local.template;

import java.util.Map;

/** Shape checks on parsed template values, which are maps with string keys, lists or scalars. */
final class Templates {
  private Templates() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value, Where where) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw where.error("must be a mapping, not " + (value == null ? "empty" : value));
  }

  static Map<String, Object> mapOrEmpty(Object value, Where where) {
    return value == null ? Map.of() : map(value, where);
  }
}

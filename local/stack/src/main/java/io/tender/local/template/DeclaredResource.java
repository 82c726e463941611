package io.tender.local.template;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code Resources} as written, or one that SAM creates implicitly and templates may
 * refer to (such as {@code ServerlessHttpApi}).
 *
 * @param definition the whole resource entry: {@code Type}, {@code Properties}, {@code Condition},
 *     {@code IgnoreGlobals}, ...
 */
record DeclaredResource(
    String logicalId, String type, Map<String, Object> definition, boolean implicit) {

  Object properties() {
    return definition.get("Properties");
  }

  Optional<Object> condition() {
    return Optional.ofNullable(definition.get("Condition"));
  }

  Where where() {
    return Where.resource(logicalId);
  }
}

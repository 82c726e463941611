package io.tender.adapter.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.core.provider.ProviderUnavailableException;
import java.util.Optional;

/** Reading Stripe objects tolerantly: absent and JSON null are the same, unknown fields ignored. */
final class StripeJson {
  private StripeJson() {}

  /** The field as text, or null when it is absent, null or not a scalar. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  static Optional<String> optionalText(JsonNode node, String field) {
    return Optional.ofNullable(text(node, field)).filter(text -> !text.isBlank());
  }

  /** {@code metadata[key]}, when set. */
  static Optional<String> metadata(JsonNode node, String key) {
    return optionalText(node == null ? null : node.get("metadata"), key);
  }

  static String requiredText(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null || value.isBlank()) {
      throw new ProviderUnavailableException(StripeConnector.PROVIDER,
          "Stripe answered " + objectName(node) + " without " + field);
    }
    return value;
  }

  static long requiredLong(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new ProviderUnavailableException(StripeConnector.PROVIDER,
          "Stripe answered " + objectName(node) + " without a whole number in " + field);
    }
    return value.asLong();
  }

  /** A nested object, when the field holds one (an unexpanded reference is a string id). */
  static Optional<JsonNode> object(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isObject() ? Optional.of(value) : Optional.empty();
  }

  private static String objectName(JsonNode node) {
    String object = text(node, "object");
    return object == null ? "an object" : "a " + object;
  }
}

package io.tender.functions.webhook;

import io.tender.core.error.ApiException;
import io.tender.core.webhook.DeliveryAttempt;
import io.tender.core.webhook.WebhookDelivery;
import io.tender.core.webhook.WebhookEndpoint;
import io.tender.core.webhook.WebhookEndpoints;
import io.tender.core.webhook.WebhookSigningSecret;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook endpoints and deliveries as the merchant API shows them. A signing secret appears only
 * in the answer that made it ({@link #withSecret}); every other view leaves it out.
 */
final class WebhookViews {
  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 100;

  private WebhookViews() {}

  static Map<String, Object> endpoint(WebhookEndpoint endpoint) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", endpoint.id());
    view.put("object", "webhook_endpoint");
    view.put("url", endpoint.url());
    view.put("events", endpoint.events().stream().sorted().toList());
    view.put("status", endpoint.status().name().toLowerCase(java.util.Locale.ROOT));
    view.put("mode", endpoint.mode().wire());
    view.put("created_at", endpoint.createdAt().toString());
    // During a rotation the old secret keeps signing until then; the secret itself is never shown.
    view.put("previous_secret_signs_until", endpoint.secrets().stream()
        .map(WebhookSigningSecret::signsUntil)
        .filter(until -> !until.equals(Instant.MAX))
        .max(Instant::compareTo)
        .map(Instant::toString)
        .orElse(null));
    return view;
  }

  /** The one answer that carries the signing secret: registration or rotation. */
  static Map<String, Object> withSecret(WebhookEndpoints.WithSecret created) {
    Map<String, Object> view = endpoint(created.endpoint());
    view.put("secret", created.secret());
    return view;
  }

  static Map<String, Object> delivery(WebhookDelivery delivery) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", delivery.id());
    view.put("object", "webhook_delivery");
    view.put("endpoint_id", delivery.endpointId());
    view.put("event_id", delivery.eventId());
    view.put("event_type", delivery.eventType());
    view.put("status", delivery.status().wire());
    view.put("test", delivery.isTest());
    view.put("created_at", delivery.createdAt().toString());
    view.put("next_attempt_at", delivery.nextAttemptAt().map(Instant::toString).orElse(null));
    view.put("redelivery_of", delivery.redeliveryOf().orElse(null));
    view.put("attempts", delivery.attempts().stream().map(WebhookViews::attempt).toList());
    return view;
  }

  private static Map<String, Object> attempt(DeliveryAttempt attempt) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("number", attempt.number());
    view.put("at", attempt.at().toString());
    view.put("status_code", attempt.statusCode().orElse(null));
    view.put("latency_ms", attempt.latencyMillis());
    view.put("error_class", attempt.errorClass());
    view.put("response_excerpt", attempt.excerpt());
    view.put("detail", attempt.detail());
    return view;
  }

  /** {@code ?limit=}: 1 to {@value #MAX_PAGE}, {@value #DEFAULT_PAGE} when absent. */
  static int limit(Optional<String> value) {
    if (value.isEmpty()) {
      return DEFAULT_PAGE;
    }
    try {
      int limit = Integer.parseInt(value.get());
      if (limit >= 1 && limit <= MAX_PAGE) {
        return limit;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw ApiException.validation(Map.of("limit", List.of("The limit is a whole number from 1 to " + MAX_PAGE + ".")));
  }

  /** An optional query parameter that, when sent, must match {@code pattern}; a 400 names it otherwise. */
  static Optional<String> matching(Optional<String> value, String name, java.util.function.Predicate<String> valid,
      String expected) {
    if (value.isPresent() && !valid.test(value.get())) {
      throw ApiException.validation(Map.of(name, List.of(expected)));
    }
    return value;
  }
}

package io.tender.core.webhook;

import io.tender.core.error.ApiException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** A merchant's request to register an endpoint: {@code {url, events[]}}, checked field by field. */
public record RegisterWebhookEndpoint(String url, List<String> events) {
  private static final int MAX_EVENTS = 32;

  public RegisterWebhookEndpoint {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (url == null || url.isBlank() || url.length() > OutboundUrlPolicy.MAX_URL_LENGTH) {
      errors.put("url", List.of("The url field is required: an absolute https URL."));
    }
    if (events == null || events.isEmpty() || events.size() > MAX_EVENTS) {
      errors.put("events", List.of("events lists the event types to receive (1 to " + MAX_EVENTS + "), or \"*\"."));
    } else {
      List<String> unknown = events.stream().filter(type -> type == null || !WebhookEventTypes.known(type)).toList();
      if (!unknown.isEmpty()) {
        errors.put("events", List.of("Unknown event types: " + unknown + ". Known: " + WebhookEventTypes.KNOWN + "."));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    events = List.copyOf(new LinkedHashSet<>(events));
  }
}

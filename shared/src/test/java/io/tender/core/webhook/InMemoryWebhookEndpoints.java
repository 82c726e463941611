package io.tender.core.webhook;

import io.tender.core.tenant.Mode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The endpoint repository's semantics in memory, for fast tests of the services above it. */
final class InMemoryWebhookEndpoints implements WebhookEndpointRepository {
  private final Map<String, WebhookEndpoint> endpoints = new ConcurrentHashMap<>();

  @Override
  public void create(WebhookEndpoint endpoint) {
    if (endpoints.putIfAbsent(endpoint.id(), endpoint) != null) {
      throw new IllegalStateException("endpoint exists: " + endpoint.id());
    }
  }

  @Override
  public Optional<WebhookEndpoint> find(String tenantId, Mode mode, String endpointId) {
    return Optional.ofNullable(endpoints.get(endpointId))
        .filter(endpoint -> endpoint.tenantId().equals(tenantId) && endpoint.mode() == mode);
  }

  @Override
  public List<WebhookEndpoint> list(String tenantId, Mode mode) {
    return endpoints.values().stream().filter(e -> e.tenantId().equals(tenantId) && e.mode() == mode)
        .sorted(Comparator.comparing(WebhookEndpoint::id).reversed()).toList();
  }

  @Override
  public boolean replace(WebhookEndpoint next) {
    WebhookEndpoint current = endpoints.get(next.id());
    return current != null && current.version() == next.version() - 1 && endpoints.replace(next.id(), current, next);
  }
}

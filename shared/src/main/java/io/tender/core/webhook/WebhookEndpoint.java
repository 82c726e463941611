package io.tender.core.webhook;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a merchant receives events. {@code secrets} sign every delivery: usually one; during a
 * rotation the new one and the old ones until their {@code signsUntil}, so receivers that still
 * know only an old secret keep verifying.
 */
public record WebhookEndpoint(String id, String tenantId, Mode mode, String url, Set<String> events,
    Status status, List<WebhookSigningSecret> secrets, long version, Instant createdAt) {

  public enum Status { ENABLED, DELETED }

  public WebhookEndpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(url, "url");
    events = Set.copyOf(events);
    Objects.requireNonNull(status, "status");
    secrets = List.copyOf(secrets);
    Objects.requireNonNull(createdAt, "createdAt");
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("an endpoint has a signing secret");
    }
  }

  public boolean receives(String eventType) {
    return status == Status.ENABLED && WebhookEventTypes.matches(events, eventType);
  }

  /**
   * {@code newSecret} signs from now on; the secrets still signing keep signing until
   * {@code retireOthersAt} (or their own earlier end), and retired ones are dropped.
   */
  public WebhookEndpoint rotated(String newSecret, Instant now, Instant retireOthersAt) {
    List<WebhookSigningSecret> next = new java.util.ArrayList<>();
    for (WebhookSigningSecret secret : secrets) {
      if (secret.signsAt(now)) {
        next.add(secret.signsUntil().isBefore(retireOthersAt) ? secret : secret.retiringAt(retireOthersAt));
      }
    }
    next.add(WebhookSigningSecret.current(newSecret));
    return new WebhookEndpoint(id, tenantId, mode, url, events, status, next, version + 1, createdAt);
  }

  public WebhookEndpoint deleted() {
    return new WebhookEndpoint(id, tenantId, mode, url, events, Status.DELETED, secrets, version + 1, createdAt);
  }

  @Override
  public String toString() {
    return "WebhookEndpoint[" + id + " " + url + " " + status + "]";
  }
}

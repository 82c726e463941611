package io.tender.core.webhook;

import io.tender.core.tenant.Mode;
import java.util.List;
import java.util.Optional;

/** Where endpoints are kept; every change is conditional on the version it replaces. */
public interface WebhookEndpointRepository {

  void create(WebhookEndpoint endpoint);

  Optional<WebhookEndpoint> find(String tenantId, Mode mode, String endpointId);

  /** The tenant's endpoints in this mode, deleted ones included, newest first. */
  List<WebhookEndpoint> list(String tenantId, Mode mode);

  /** False when the stored endpoint is no longer at {@code next.version() - 1}. */
  boolean replace(WebhookEndpoint next);
}

package io.tender.core.webhook;

import io.tender.core.tenant.Mode;
import java.util.Objects;

/** A queued request to make attempt {@code attempt} of one delivery; a stale ticket is dropped. */
public record DeliveryTicket(String tenantId, Mode mode, String deliveryId, int attempt) {
  public DeliveryTicket {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(deliveryId, "deliveryId");
  }
}

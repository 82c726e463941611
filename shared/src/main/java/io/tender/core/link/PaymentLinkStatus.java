package io.tender.core.link;

import java.util.Locale;
import java.util.Optional;

/** Whether the merchant lets a link take payments; expiry and usage are separate, derived facts. */
public enum PaymentLinkStatus {
  ACTIVE,
  INACTIVE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PaymentLinkStatus> fromWire(String value) {
    for (PaymentLinkStatus status : values()) {
      if (status.wire().equals(value)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}

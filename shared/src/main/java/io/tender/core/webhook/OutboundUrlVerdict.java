package io.tender.core.webhook;

import java.util.Objects;

/** The SSRF guard's answer for one URL at one moment. */
public sealed interface OutboundUrlVerdict {

  default boolean isAllowed() {
    return this instanceof Allowed;
  }

  /** The URL may be called, at exactly the addresses in {@code target}. */
  record Allowed(OutboundTarget target) implements OutboundUrlVerdict {
    public Allowed {
      Objects.requireNonNull(target, "target");
    }
  }

  /**
   * The URL must not be called. {@code reason.message()} is for the merchant (a 400 at
   * registration); {@code detail} names the offending part (a scheme, a port, an address and its
   * class) for logs and the delivery log, never for a public error, where it would turn the guard
   * into a probe of internal DNS.
   */
  record Refused(OutboundUrlRefusal reason, String detail) implements OutboundUrlVerdict {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    public String message() {
      return reason.message();
    }
  }
}

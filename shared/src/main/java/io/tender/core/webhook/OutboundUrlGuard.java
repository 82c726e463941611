package io.tender.core.webhook;

import io.tender.core.tenant.Mode;

/**
 * Decides whether a merchant URL may be called, and at which addresses. {@link OutboundUrlPolicy}
 * is the implementation; the interface lets a sender be tested against hosts of a test's choosing.
 */
@FunctionalInterface
public interface OutboundUrlGuard {

  /** Checks {@code url} for an endpoint of {@code mode}, resolving its host now. Never throws. */
  OutboundUrlVerdict check(String url, Mode mode);
}

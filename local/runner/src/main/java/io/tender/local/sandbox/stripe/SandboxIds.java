package io.tender.local.sandbox.stripe;

import io.tender.core.id.IdGenerator;

/** Stripe-looking test-mode ids ({@code cs_test_...}, {@code pi_test_...}) from Tender's id seam. */
final class SandboxIds {
  private final IdGenerator ids;

  SandboxIds(IdGenerator ids) {
    this.ids = ids;
  }

  /** {@code prefix_test_<suffix>}; for {@code evt} plain {@code evt_<suffix>}, as Stripe does. */
  String next(String prefix) {
    String id = ids.next(prefix);
    String suffix = id.substring(id.indexOf('_') + 1);
    return prefix.equals("evt") ? "evt_" + suffix : prefix + "_test_" + suffix;
  }
}

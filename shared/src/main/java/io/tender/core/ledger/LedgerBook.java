package io.tender.core.ledger;

import io.tender.core.tenant.Mode;
import java.util.Objects;

/** The ledger of one tenant in one mode: test and live money never meet in a transaction or a balance. */
public record LedgerBook(String tenantId, Mode mode) {
  public LedgerBook {
    tenantId = KeyText.require(tenantId, "tenant id");
    Objects.requireNonNull(mode, "a ledger book needs a mode");
  }
}

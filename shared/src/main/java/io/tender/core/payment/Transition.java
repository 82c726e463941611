package io.tender.core.payment;

import java.util.List;
import java.util.Objects;

/** What an event did to a payment. */
public sealed interface Transition {

  /**
   * The payment moved (or its money did). {@code payment} carries the next version: write it on
   * the condition that the stored version is still {@code payment.version() - 1}, together with
   * the effects.
   */
  record Applied(Payment payment, List<Effect> effects) implements Transition {
    public Applied {
      Objects.requireNonNull(payment, "payment");
      effects = List.copyOf(effects);
    }
  }

  /** Nothing to write: a repeat, a late or out-of-order report, or one that does not apply. */
  record Ignored(String reason) implements Transition {
    public Ignored {
      Objects.requireNonNull(reason, "reason");
    }
  }
}

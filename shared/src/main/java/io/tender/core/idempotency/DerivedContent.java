package io.tender.core.idempotency;

import java.util.Optional;

/**
 * What a stored response may leave out because it can be drawn again from the rest of it, such as
 * the QR code of a URL the same response holds: kept out, the record stays within one write unit.
 */
public interface DerivedContent {

  /** Leaves nothing out. */
  DerivedContent NONE = new DerivedContent() {
    @Override
    public Optional<String> omit(String body) {
      return Optional.empty();
    }

    @Override
    public String restore(String lean) {
      return lean;
    }
  };

  /** The body without what {@link #restore} puts back; empty when there is nothing to leave out. */
  Optional<String> omit(String body);

  /** The body {@link #omit} was given, from what it returned. */
  String restore(String lean);

  /**
   * {@link #omit}, kept only when {@link #restore} gives back the very same text: a replay must be
   * byte-identical to the first answer, so anything that would not round-trip is stored whole.
   */
  default Optional<String> omitReversibly(String body) {
    return omit(body).filter(lean -> restore(lean).equals(body));
  }
}

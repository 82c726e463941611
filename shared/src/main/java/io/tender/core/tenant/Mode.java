package io.tender.core.tenant;

import java.util.Locale;
import java.util.Optional;

/** Test and live data never share a key: the mode is part of every key. */
public enum Mode {
  TEST,
  LIVE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Mode> fromWire(String value) {
    return switch (value == null ? "" : value) {
      case "test" -> Optional.of(TEST);
      case "live" -> Optional.of(LIVE);
      default -> Optional.empty();
    };
  }
}

package io.tender.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

  @Test
  void aBoundEnvironmentIsCurrentOnlyInsideItsScope() {
    Environment bound = Environment.of(Map.of("TABLE_NAME", "tender-local-Payments"));

    String inside = Environment.with(bound, () -> Environment.current().require("TABLE_NAME"));

    assertThat(inside).isEqualTo("tender-local-Payments");
    assertThat(Environment.current().get("TABLE_NAME")).isEqualTo(System.getenv("TABLE_NAME") == null
        ? java.util.Optional.empty() : java.util.Optional.of(System.getenv("TABLE_NAME")));
  }

  @Test
  void scopesNestAndRestore() {
    Environment outer = Environment.of(Map.of("STAGE", "outer"));
    Environment inner = Environment.of(Map.of("STAGE", "inner"));

    String seen = Environment.with(outer, () -> {
      String innerValue = Environment.with(inner, () -> Environment.current().require("STAGE"));
      return innerValue + "," + Environment.current().require("STAGE");
    });

    assertThat(seen).isEqualTo("inner,outer");
  }

  @Test
  void requireNamesTheMissingVariable() {
    Environment empty = Environment.of(Map.of("BLANK", " "));

    assertThatThrownBy(() -> empty.require("QUEUE_URL"))
        .hasMessage("environment variable QUEUE_URL is not set");
    assertThatThrownBy(() -> empty.require("BLANK"))
        .hasMessage("environment variable BLANK is not set");
  }
}

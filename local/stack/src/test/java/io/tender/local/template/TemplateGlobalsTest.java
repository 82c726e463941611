package io.tender.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** Globals.Function merged as SAM merges it: own values win, variables key by key. */
class TemplateGlobalsTest {
  private final StackTemplate template = TemplateFixtures.load("globals.yaml");

  @Test
  void functionInheritsGlobals() {
    FunctionSpec inherits = template.functions().get("Inherits");
    assertThat(inherits.handler()).isEqualTo("example.DefaultHandler");
    assertThat(inherits.timeoutSeconds()).isEqualTo(15);
    assertThat(inherits.memoryMb()).as("Lambda's default").isEqualTo(128);
    assertThat(inherits.environment())
        .containsExactly(
            entry("SHARED", "shared"),
            entry("OVERRIDDEN", "global"),
            entry("REMOVED", "global"),
            entry("API_URL", "https://local.execute-api.eu-west-1.amazonaws.com"),
            entry("ROLE_ARN", "arn:aws:local:::InheritsRole/Arn"));
  }

  @Test
  void ownValuesWinAndNoValueRemovesAGlobalVariable() {
    FunctionSpec overrides = template.functions().get("Overrides");
    assertThat(overrides.handler()).isEqualTo("example.OwnHandler");
    assertThat(overrides.timeoutSeconds()).isEqualTo(30);
    assertThat(overrides.memoryMb()).isEqualTo(256);
    assertThat(overrides.environment())
        .containsExactly(
            entry("SHARED", "shared"), entry("OVERRIDDEN", "own"), entry("OWN", "own"));
  }

  @Test
  void ignoreGlobalsStarTakesNothingFromGlobals() {
    FunctionSpec isolated = template.functions().get("IgnoresAllGlobals");
    assertThat(isolated.handler()).isEqualTo("example.Isolated");
    assertThat(isolated.timeoutSeconds()).as("Lambda's default").isEqualTo(3);
    assertThat(isolated.memoryMb()).isEqualTo(128);
    assertThat(isolated.environment()).isEmpty();
  }

  @Test
  void ignoreGlobalsListSkipsOnlyTheNamedProperties() {
    FunctionSpec function = template.functions().get("IgnoresGlobalEnvironment");
    assertThat(function.handler()).isEqualTo("example.DefaultHandler");
    assertThat(function.timeoutSeconds()).isEqualTo(15);
    assertThat(function.environment()).containsExactly(entry("ONLY", "own"));
  }

  @Test
  void httpApiEventWithoutPropertiesIsTheDefaultRoute() {
    assertThat(template.functions().get("Inherits").routes())
        .containsExactly(new HttpRoute("Everything", "ANY", "$default"));
    assertThat(template.ignoredResources()).isEmpty();
  }
}

package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalGatewayOptionsTest {

  @Test
  void defaultsServeTemplateYamlOnPort3000() {
    LocalGatewayOptions options = LocalGatewayOptions.parse(List.of());

    assertThat(options.template()).isEqualTo(Path.of("template.yaml"));
    assertThat(options.port()).isEqualTo(3000);
    assertThat(options.stackName()).isEqualTo("tender-local");
    assertThat(options.parameters()).isEmpty();
  }

  @Test
  void readsEveryOption() {
    LocalGatewayOptions options = LocalGatewayOptions.parse(List.of("--template", "other.yaml", "--port", "0",
        "--stack-name", "demo", "--parameter", "Stage=demo", "--parameter", "Url=https://x.test/a=b"));

    assertThat(options.template()).isEqualTo(Path.of("other.yaml"));
    assertThat(options.port()).isZero();
    assertThat(options.stackName()).isEqualTo("demo");
    assertThat(options.parameters()).isEqualTo(Map.of("Stage", "demo", "Url", "https://x.test/a=b"));
  }

  @Test
  void refusesWhatItCannotUse() {
    assertThatThrownBy(() -> LocalGatewayOptions.parse(List.of("--port"))).hasMessageContaining("--port needs a value");
    assertThatThrownBy(() -> LocalGatewayOptions.parse(List.of("--port", "70000"))).hasMessageContaining("0 to 65535");
    assertThatThrownBy(() -> LocalGatewayOptions.parse(List.of("--port", "http"))).hasMessageContaining("0 to 65535");
    assertThatThrownBy(() -> LocalGatewayOptions.parse(List.of("--parameter", "=x"))).hasMessageContaining("Key=Value");
    assertThatThrownBy(() -> LocalGatewayOptions.parse(List.of("--verbose", "yes"))).hasMessageContaining("unknown option");
  }
}

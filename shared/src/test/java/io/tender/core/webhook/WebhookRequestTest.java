package io.tender.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.tenant.Mode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookRequestTest {
  private static final String URL = "https://hooks.merchant.example/";

  @Test
  void theBodyCannotChangeAfterItWasHandedOver() {
    byte[] body = {1, 2, 3};
    WebhookRequest request = new WebhookRequest(URL, Mode.LIVE, body, Map.of());

    body[0] = 9;
    request.body()[1] = 9;

    assertThat(request.body()).containsExactly(1, 2, 3);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Host", "content-length", "Transfer-Encoding", "Connection", "Content-Type"})
  void headersTheSenderOwnsCannotBeSet(String name) {
    assertThatThrownBy(() -> new WebhookRequest(URL, Mode.LIVE, new byte[0], Map.of(name, "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\r\nHost: 169.254.169.254", "a\nb", "caf\u00e9", "nul\u0000"})
  void headerValuesCannotInjectLinesOrNonAscii(String value) {
    assertThatThrownBy(() -> new WebhookRequest(URL, Mode.LIVE, new byte[0],
        Map.of("Tender-Signature", value))).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Tender Signature", "X-A:b", "T\u00e9nder"})
  void headerNamesMustBeTokens(String name) {
    assertThatThrownBy(() -> new WebhookRequest(URL, Mode.LIVE, new byte[0], Map.of(name, "v")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

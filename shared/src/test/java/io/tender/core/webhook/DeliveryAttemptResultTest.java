package io.tender.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DeliveryAttemptResultTest {

  @Test
  void answersAreClassifiedByStatus() {
    assertThat(DeliveryAttemptResult.answered(200, 5, "ok").delivered()).isTrue();
    assertThat(DeliveryAttemptResult.answered(299, 5, "").errorClass()).isEmpty();
    assertThat(DeliveryAttemptResult.answered(301, 5, "").errorClass())
        .contains(DeliveryErrorClass.REDIRECT);
    assertThat(DeliveryAttemptResult.answered(404, 5, "").errorClass())
        .contains(DeliveryErrorClass.HTTP_ERROR);
    assertThat(DeliveryAttemptResult.answered(503, 5, "").errorClass())
        .contains(DeliveryErrorClass.HTTP_ERROR);
    assertThat(DeliveryAttemptResult.answered(199, 5, "").errorClass())
        .contains(DeliveryErrorClass.HTTP_ERROR);
  }

  @Test
  void onlyA2xxCanBeADelivery() {
    assertThatThrownBy(() -> new DeliveryAttemptResult(
        OptionalInt.of(500), 1, Optional.empty(), "", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeliveryAttemptResult(
        OptionalInt.empty(), 1, Optional.empty(), "", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void excerptsAreBoundedAndDetailsTrimmed() {
    assertThatThrownBy(() -> DeliveryAttemptResult.answered(200, 1, "a".repeat(1025)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(DeliveryAttemptResult.failed(DeliveryErrorClass.TLS, 1, "d".repeat(1000)).detail())
        .hasSize(DeliveryAttemptResult.MAX_DETAIL_LENGTH);
  }

  @Test
  void errorClassesHaveLowercaseWireNames() {
    assertThat(DeliveryErrorClass.CONNECT_REFUSED.wire()).isEqualTo("connect_refused");
    assertThat(DeliveryErrorClass.SSRF_REFUSED.wire()).isEqualTo("ssrf_refused");
  }
}

package io.tender.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitDecisionTest {
  private static final RateLimitWindow WINDOW = new RateLimitWindow(
      Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T10:01:00Z"));

  @Test
  void anAllowedRequestAnnouncesLimitRemainingAndResetInEpochSeconds() {
    RateLimitDecision decision = RateLimitDecision.allowed(30, 29, WINDOW);

    assertThat(decision.headers()).containsExactly(
        Map.entry("X-RateLimit-Limit", "30"),
        Map.entry("X-RateLimit-Remaining", "29"),
        Map.entry("X-RateLimit-Reset", "1795428060"));
  }

  @Test
  void aRefusedRequestAlsoSaysWhenToRetry() {
    RateLimitDecision decision = RateLimitDecision.refused(30, WINDOW, Instant.parse("2026-11-23T10:00:17.400Z"));

    assertThat(decision).isEqualTo(new RateLimitDecision(false, 30, 0, WINDOW.end(), 43));
    assertThat(decision.headers()).containsExactly(
        Map.entry("X-RateLimit-Limit", "30"),
        Map.entry("X-RateLimit-Remaining", "0"),
        Map.entry("X-RateLimit-Reset", "1795428060"),
        Map.entry("Retry-After", "43"));
  }

  @Test
  void headerNamesAreTheOnesClientsRead() {
    assertThat(RateLimitDecision.LIMIT_HEADER).isEqualTo("X-RateLimit-Limit");
    assertThat(RateLimitDecision.REMAINING_HEADER).isEqualTo("X-RateLimit-Remaining");
    assertThat(RateLimitDecision.RESET_HEADER).isEqualTo("X-RateLimit-Reset");
    assertThat(RateLimitDecision.RETRY_AFTER_HEADER).isEqualTo("Retry-After");
  }

  @Test
  void headersCannotBeChangedByTheCaller() {
    Map<String, String> headers = RateLimitDecision.allowed(30, 29, WINDOW).headers();

    assertThatThrownBy(() -> headers.put("X-RateLimit-Remaining", "30"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesInconsistentDecisions() {
    Instant reset = WINDOW.end();
    assertThatThrownBy(() -> new RateLimitDecision(true, 10, 11, reset, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimitDecision(true, 10, -1, reset, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimitDecision(true, 10, 3, reset, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimitDecision(false, 10, 1, reset, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimitDecision(false, 10, 0, reset, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}

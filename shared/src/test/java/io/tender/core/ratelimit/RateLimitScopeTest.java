package io.tender.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimitScopeTest {

  @Test
  void scopesNameTheirKind() {
    assertThat(RateLimitScope.tenant("t_1")).isEqualTo("tenant:t_1");
    assertThat(RateLimitScope.ip("203.0.113.9")).isEqualTo("ip:203.0.113.9");
    assertThat(RateLimitScope.apiKey("key_1")).isEqualTo("key:key_1");
    assertThat(RateLimitScope.account("acct_1")).isEqualTo("account:acct_1");
  }

  @Test
  void aScopeNeedsASubject() {
    assertThatThrownBy(() -> RateLimitScope.tenant("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimitScope.ip(null)).isInstanceOf(NullPointerException.class);
  }
}

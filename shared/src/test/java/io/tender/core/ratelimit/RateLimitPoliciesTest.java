package io.tender.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitPoliciesTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void defaultsAreTheProductsLimits() {
    RateLimitPolicies defaults = RateLimitPolicies.defaults();

    assertThat(defaults.names()).containsExactlyInAnyOrder(
        "checkout-session.create", "checkout-session.get", "refund.create", "payment-link.get",
        "payment-link.checkout", "api-keys", "webhook.test", "payment-request.create",
        "payment-request.status", "bank-order.create", "login.account", "login.ip", "mfa", "api-keys.read", "audit.read",
        "webhooks.write", "webhooks.read", "events.read", "links.write", "links.read");
    assertThat(defaults.get("checkout-session.create")).isEqualTo(new RateLimit("checkout-session.create", 10, MINUTE));
    assertThat(defaults.get("checkout-session.get")).isEqualTo(new RateLimit("checkout-session.get", 30, MINUTE));
    assertThat(defaults.get("refund.create")).isEqualTo(new RateLimit("refund.create", 5, MINUTE));
    assertThat(defaults.get("payment-link.get")).isEqualTo(new RateLimit("payment-link.get", 10, MINUTE));
    assertThat(defaults.get("payment-link.checkout")).isEqualTo(new RateLimit("payment-link.checkout", 3, MINUTE));
    assertThat(defaults.get("api-keys")).isEqualTo(new RateLimit("api-keys", 10, MINUTE));
    assertThat(defaults.get("webhook.test")).isEqualTo(new RateLimit("webhook.test", 5, MINUTE));
    assertThat(defaults.get("payment-request.create")).isEqualTo(new RateLimit("payment-request.create", 100, MINUTE));
    assertThat(defaults.get("payment-request.status")).isEqualTo(new RateLimit("payment-request.status", 300, MINUTE));
    assertThat(defaults.get("bank-order.create"))
        .isEqualTo(new RateLimit("bank-order.create", 10, Duration.ofMinutes(15)));
    assertThat(defaults.get("login.account")).isEqualTo(new RateLimit("login.account", 10, Duration.ofMinutes(15)));
    assertThat(defaults.get("login.ip")).isEqualTo(new RateLimit("login.ip", 20, MINUTE));
    assertThat(defaults.get("mfa")).isEqualTo(new RateLimit("mfa", 5, Duration.ofMinutes(15)));
    assertThat(defaults.get("api-keys.read")).isEqualTo(new RateLimit("api-keys.read", 60, MINUTE));
    assertThat(defaults.get("audit.read")).isEqualTo(new RateLimit("audit.read", 30, MINUTE));
    assertThat(defaults.get("webhooks.write")).isEqualTo(new RateLimit("webhooks.write", 10, MINUTE));
    assertThat(defaults.get("webhooks.read")).isEqualTo(new RateLimit("webhooks.read", 60, MINUTE));
    assertThat(defaults.get("events.read")).isEqualTo(new RateLimit("events.read", 60, MINUTE));
    assertThat(defaults.get("links.write")).isEqualTo(new RateLimit("links.write", 10, MINUTE));
    assertThat(defaults.get("links.read")).isEqualTo(new RateLimit("links.read", 60, MINUTE));
  }

  @Test
  void theNameConstantsAreTheDefaultsNames() {
    assertThat(RateLimitPolicies.defaults().names()).containsExactlyInAnyOrder(
        RateLimitPolicies.CHECKOUT_SESSION_CREATE, RateLimitPolicies.CHECKOUT_SESSION_GET,
        RateLimitPolicies.REFUND_CREATE, RateLimitPolicies.PAYMENT_LINK_GET,
        RateLimitPolicies.PAYMENT_LINK_CHECKOUT, RateLimitPolicies.API_KEYS,
        RateLimitPolicies.WEBHOOK_TEST, RateLimitPolicies.PAYMENT_REQUEST_CREATE,
        RateLimitPolicies.PAYMENT_REQUEST_STATUS, RateLimitPolicies.BANK_ORDER_CREATE,
        RateLimitPolicies.LOGIN_ACCOUNT, RateLimitPolicies.LOGIN_IP, RateLimitPolicies.MFA,
        RateLimitPolicies.API_KEYS_READ, RateLimitPolicies.AUDIT_READ, RateLimitPolicies.WEBHOOKS_WRITE,
        RateLimitPolicies.WEBHOOKS_READ, RateLimitPolicies.EVENTS_READ, RateLimitPolicies.LINKS_WRITE,
        RateLimitPolicies.LINKS_READ);
  }

  @Test
  void anOverrideReplacesOneLimitOnly() {
    RateLimitPolicies defaults = RateLimitPolicies.defaults();

    RateLimitPolicies tenant = defaults.withOverride("refund.create", 50, Duration.ofMinutes(5));

    assertThat(tenant.get("refund.create")).isEqualTo(new RateLimit("refund.create", 50, Duration.ofMinutes(5)));
    assertThat(tenant.names()).isEqualTo(defaults.names());
    for (String name : defaults.names()) {
      if (!name.equals("refund.create")) {
        assertThat(tenant.get(name)).as(name).isEqualTo(defaults.get(name));
      }
    }
  }

  @Test
  void anOverrideLeavesTheDefaultsAndOtherTenantsAlone() {
    RateLimitPolicies defaults = RateLimitPolicies.defaults();
    RateLimitPolicies tenantA = defaults.withOverride("checkout-session.create", 100, MINUTE);

    RateLimitPolicies tenantB = defaults.withOverride("checkout-session.create", 2, MINUTE);

    assertThat(defaults.get("checkout-session.create").limit()).isEqualTo(10);
    assertThat(RateLimitPolicies.defaults().get("checkout-session.create").limit()).isEqualTo(10);
    assertThat(tenantA.get("checkout-session.create").limit()).isEqualTo(100);
    assertThat(tenantB.get("checkout-session.create").limit()).isEqualTo(2);
  }

  @Test
  void overridesCompose() {
    RateLimitPolicies tenant = RateLimitPolicies.defaults()
        .withOverride("refund.create", 50, MINUTE)
        .withOverride("webhook.test", 1, MINUTE);

    assertThat(tenant.get("refund.create").limit()).isEqualTo(50);
    assertThat(tenant.get("webhook.test").limit()).isEqualTo(1);
  }

  @Test
  void anUnknownNameIsRefused() {
    RateLimitPolicies defaults = RateLimitPolicies.defaults();

    assertThatThrownBy(() -> defaults.get("refunds.create"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refunds.create");
    assertThatThrownBy(() -> defaults.withOverride("refunds.create", 5, MINUTE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInvalidOverrideIsRefused() {
    RateLimitPolicies defaults = RateLimitPolicies.defaults();

    assertThatThrownBy(() -> defaults.withOverride("refund.create", 0, MINUTE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withOverride("refund.create", 5, Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withLimitsKeepsEachDefaultWindowAndRefusesUnknownNames() {
    RateLimitPolicies tenant = RateLimitPolicies.defaults().withLimits(java.util.Map.of("bank-order.create", 50));

    assertThat(tenant.get("bank-order.create")).isEqualTo(new RateLimit("bank-order.create", 50, Duration.ofMinutes(15)));
    assertThatThrownBy(() -> RateLimitPolicies.defaults()
        .withLimits(java.util.Map.of("refunds", 1))).isInstanceOf(IllegalArgumentException.class);
  }
}

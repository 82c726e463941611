package io.tender.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tender.core.auth.Principal;
import io.tender.core.error.ApiException;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.money.AmountPolicy;
import io.tender.core.tenant.InMemoryTenantRepository;
import io.tender.core.tenant.Mode;
import io.tender.core.tenant.Tenant;
import io.tender.testing.FakeProvider;
import io.tender.testing.InMemoryCheckoutSessions;
import io.tender.testing.InMemoryPayments;
import io.tender.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Live checkout sessions send payers back only over https to the tenant's approved domains. */
class CheckoutSessionsLiveRedirectTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
  private final InMemoryPayments payments = new InMemoryPayments();
  private final InMemoryCheckoutSessions sessions = new InMemoryCheckoutSessions(payments);
  private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
  private final CheckoutSessions checkouts = new CheckoutSessions(sessions, tenants, new FakeProvider(),
      AmountPolicy.standard(), new RandomIdGenerator(clock, new Random(5)), clock);

  CheckoutSessionsLiveRedirectTest() {
    tenants.create(new Tenant("ten_live1", "Live Shop", List.of("shop.test"), clock.instant()));
  }

  @Test
  void aLiveSessionRedirectingOffTheApprovedDomainsIsRefusedAndNothingIsStored() {
    ApiException refused = catchThrowableOfType(ApiException.class, () -> checkouts.create(live(),
        request("https://shop.test/ok", "https://evil.example/cancel")));

    assertThat(refused.fieldErrors()).containsOnlyKeys("cancelUrl");
    // Every open payment carries a poll schedule, so a stored one would be due within the month.
    assertThat(payments.dueBy(clock.instant().plus(java.time.Duration.ofDays(30)), 10)).as("no payment stored").isEmpty();
    assertThat(catchThrowableOfType(ApiException.class, () -> checkouts.create(live(),
        request("http://shop.test/ok", "https://shop.test/cancel"))).fieldErrors()).containsOnlyKeys("successUrl");
  }

  @Test
  void aLiveSessionOnItsApprovedDomainsAndATestSessionAnywhereAreCreated() {
    assertThat(checkouts.create(live(), request("https://pay.shop.test/ok", "https://shop.test/cancel"))
        .session().id()).startsWith("cs_");
    assertThat(checkouts.create(new Principal.ApiKeyCaller("ten_live1", Mode.TEST, "key_t"),
        request("http://localhost:8080/ok", "https://elsewhere.example/cancel")).session().id()).startsWith("cs_");
  }

  private static Principal live() {
    return new Principal.ApiKeyCaller("ten_live1", Mode.LIVE, "key_1");
  }

  private static CreateCheckoutSession request(String success, String cancel) {
    return new CreateCheckoutSession(1500L, "USD", "order_1", List.of("card"), success, cancel);
  }
}

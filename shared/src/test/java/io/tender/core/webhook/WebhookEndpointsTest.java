package io.tender.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.auth.Principal;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.tenant.InMemoryTenantRepository;
import io.tender.core.tenant.Mode;
import io.tender.core.tenant.Tenant;
import io.tender.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookEndpointsTest {
  private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
  private static final Principal SHOP = new Principal.ApiKeyCaller("ten_shop1", Mode.TEST, "key_1");
  private static final Principal OTHER = new Principal.ApiKeyCaller("ten_other", Mode.TEST, "key_2");

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryWebhookEndpoints registry = new InMemoryWebhookEndpoints();
  private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
  private final FakeResolver dns = new FakeResolver()
      .answer("hooks.shop.test", "93.184.216.34")
      .answer("internal.shop.test", "10.1.2.3");
  private final AtomicInteger sequence = new AtomicInteger();
  private final WebhookEndpoints endpoints = new WebhookEndpoints(registry, tenants, OutboundUrlPolicy.strict(dns),
      new WebhookSecretGenerator(new SplittableRandom(3)),
      prefix -> prefix + "_" + String.format("%026d", sequence.incrementAndGet()), clock);

  WebhookEndpointsTest() {
    tenants.create(new Tenant("ten_shop1", "Shop", List.of("shop.test", "127.0.0.1"), NOW));
    tenants.create(new Tenant("ten_other", "Other", List.of("other.test"), NOW));
  }

  @Test
  void aUrlOffTheApprovedDomainsIsRefusedWithTheSeedsMessage() {
    assertThatThrownBy(() -> endpoints.register(SHOP, request("https://hooks.elsewhere.test/h")))
        .isInstanceOfSatisfying(ApiException.class, refused -> {
          assertThat(refused.code()).isEqualTo(ErrorCode.DOMAIN_NOT_APPROVED);
          assertThat(refused.getMessage())
              .isEqualTo("Webhook URL domain not approved. Please contact support to approve your domain.");
        });
    assertThatThrownBy(() -> endpoints.register(OTHER, request("https://hooks.shop.test/h")))
        .as("another tenant's approval counts for nothing")
        .isInstanceOfSatisfying(ApiException.class, refused ->
            assertThat(refused.code()).isEqualTo(ErrorCode.DOMAIN_NOT_APPROVED));
    assertThat(registry.list("ten_shop1", Mode.TEST)).isEmpty();
  }

  @Test
  void anApprovedHostTheGuardRefusesIsAFieldErrorOnTheUrl() {
    for (String url : List.of("https://internal.shop.test/h", "https://127.0.0.1/h", "http://127.0.0.1:8080/h")) {
      assertThatThrownBy(() -> endpoints.register(SHOP, request(url))).as(url)
          .isInstanceOfSatisfying(ApiException.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(refused.fieldErrors().get("url"))
                .containsExactly(OutboundUrlRefusal.FORBIDDEN_ADDRESS.message());
          });
    }
    assertThat(registry.list("ten_shop1", Mode.TEST)).isEmpty();
  }

  @Test
  void registrationAnswersTheSecretOnceAndRotationKeepsTheOldOneSigningADay() {
    WebhookEndpoints.WithSecret created = endpoints.register(SHOP, request("https://hooks.shop.test/h"));
    assertThat(created.secret()).matches("whsec_[0-9a-f]{64}");
    assertThat(created.toString()).doesNotContain(created.secret());
    assertThat(endpoints.list(SHOP)).extracting(WebhookEndpoint::id).containsExactly(created.endpoint().id());

    clock.advance(Duration.ofHours(1));
    WebhookEndpoints.WithSecret rotated = endpoints.rotateSecret(SHOP, created.endpoint().id());
    assertThat(rotated.secret()).isNotEqualTo(created.secret());
    assertThat(rotated.endpoint().secrets()).extracting(WebhookSigningSecret::signsUntil)
        .containsExactly(NOW.plus(Duration.ofHours(25)), Instant.MAX);

    assertThatThrownBy(() -> endpoints.rotateSecret(OTHER, created.endpoint().id()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    assertThat(endpoints.delete(SHOP, created.endpoint().id()).status()).isEqualTo(WebhookEndpoint.Status.DELETED);
    assertThat(endpoints.list(SHOP)).isEmpty();
    assertThatThrownBy(() -> endpoints.delete(SHOP, created.endpoint().id()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
  }

  private static RegisterWebhookEndpoint request(String url) {
    return new RegisterWebhookEndpoint(url, List.of("payment.succeeded"));
  }
}

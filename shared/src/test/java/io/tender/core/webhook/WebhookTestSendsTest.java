package io.tender.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.auth.Principal;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.signature.TimestampedHmacSignature;
import io.tender.core.tenant.Mode;
import io.tender.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookTestSendsTest {
  private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
  private static final Principal SHOP = new Principal.ApiKeyCaller("ten_shop1", Mode.TEST, "key_1");

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryWebhookEndpoints registry = new InMemoryWebhookEndpoints();
  private final InMemoryWebhookDeliveries deliveries = new InMemoryWebhookDeliveries();
  private final List<WebhookRequest> sent = new ArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private DeliveryAttemptResult answer = DeliveryAttemptResult.answered(200, 12, "ok");
  private final WebhookTestSends tests = new WebhookTestSends(registry, deliveries, request -> {
    sent.add(request);
    return answer;
  }, new WebhookSigner(clock), prefix -> prefix + "_" + String.format("%026d", sequence.incrementAndGet()), clock);

  @Test
  void theNewestEndpointReceivingTheTypeGetsASignedTestEventAndTheLogItsAttempt() {
    endpoint("we_00000000000000000000000001", Set.of("payment.succeeded"), "whsec_older");
    endpoint("we_00000000000000000000000002", Set.of("*"), "whsec_newest");
    endpoint("we_00000000000000000000000003", Set.of("refund.failed"), "whsec_other_type");

    WebhookTestSends.Sent result = tests.send(SHOP, "payment.succeeded",
        (id, created, livemode) -> "{\"id\":\"" + id + "\",\"test\":true,\"livemode\":" + livemode + "}");

    assertThat(result.delivered()).isTrue();
    assertThat(result.endpoint().id()).isEqualTo("we_00000000000000000000000002");
    assertThat(result.eventId()).startsWith("evt_test_").hasSize("evt_test_".length() + 26);
    assertThat(sent).singleElement().satisfies(request -> {
      String body = new String(request.body(), StandardCharsets.UTF_8);
      assertThat(body).isEqualTo("{\"id\":\"" + result.eventId() + "\",\"test\":true,\"livemode\":false}");
      assertThat(request.url()).isEqualTo("https://hooks.shop.test/we_00000000000000000000000002");
      assertThat(request.headers()).containsEntry(WebhookDispatcher.EVENT_ID_HEADER, result.eventId());
      assertThat(TimestampedHmacSignature.verify(request.body(), request.headers().get(WebhookSigner.SIGNATURE_HEADER),
          List.of("whsec_newest"), NOW).isVerified()).isTrue();
    });
    WebhookDelivery logged = deliveries.find("ten_shop1", Mode.TEST, result.delivery().id()).orElseThrow();
    assertThat(logged.isTest()).isTrue();
    assertThat(logged.status()).isEqualTo(WebhookDelivery.Status.SUCCEEDED);
    assertThat(logged.eventType()).isEqualTo("payment.succeeded");
    assertThat(logged.attempts()).singleElement().satisfies(attempt -> {
      assertThat(attempt.statusCode()).hasValue(200);
      assertThat(attempt.at()).isEqualTo(NOW);
    });
  }

  @Test
  void aFailedTestSendIsLoggedAsFailedAndNeverRetried() {
    endpoint("we_00000000000000000000000001", Set.of("payment.succeeded"), "whsec_one");
    answer = new DeliveryAttemptResult(OptionalInt.of(500), 40, Optional.of(DeliveryErrorClass.HTTP_ERROR), "boom",
        "status 500");

    WebhookTestSends.Sent result = tests.send(SHOP, "payment.succeeded", (id, created, livemode) -> "{}");

    assertThat(result.delivered()).isFalse();
    assertThat(result.delivery().status()).isEqualTo(WebhookDelivery.Status.FAILED);
    assertThat(result.delivery().nextAttemptAt()).isEmpty();
    assertThat(result.delivery().attempts().getFirst().errorClass()).isEqualTo("http_error");
  }

  @Test
  void aTypeNoEndpointReceivesOrNoTypeAtAllIsRefusedAndNothingIsSent() {
    endpoint("we_00000000000000000000000001", Set.of("payment.succeeded"), "whsec_one");
    registry.replace(registry.find("ten_shop1", Mode.TEST, "we_00000000000000000000000001").orElseThrow().deleted());
    endpoint("we_00000000000000000000000002", Set.of("refund.failed"), "whsec_two");

    assertThatThrownBy(() -> tests.send(SHOP, "payment.succeeded", (id, created, livemode) -> "{}"))
        .as("a deleted endpoint does not receive")
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_WEBHOOK_ENDPOINT));
    assertThatThrownBy(() -> tests.send(SHOP, "*", (id, created, livemode) -> "{}"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors()).containsKey("eventType"));
    assertThatThrownBy(() -> tests.send(SHOP, null, (id, created, livemode) -> "{}"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors()).containsKey("eventType"));
    assertThat(sent).isEmpty();
  }

  private void endpoint(String id, Set<String> events, String secret) {
    clock.advance(Duration.ofSeconds(1));
    registry.create(new WebhookEndpoint(id, "ten_shop1", Mode.TEST, "https://hooks.shop.test/" + id, events,
        WebhookEndpoint.Status.ENABLED, List.of(WebhookSigningSecret.current(secret)), 0, clock.instant()));
    clock.set(NOW);
  }
}

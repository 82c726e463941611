package io.tender.local.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.adapter.stripe.StripeStatusMapper;
import io.tender.adapter.stripe.StripeWebhookHints;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.provider.CheckoutState;
import io.tender.core.provider.ProviderHint;
import io.tender.core.provider.RefundState;
import io.tender.core.tenant.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every combination {@link StripeStatusMapper} and {@link StripeWebhookHints} decide, from
 * fixtures in Stripe's own shape under {@code src/test/resources/stripe/}.
 */
class StripeStatusMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Named<JsonNode>> checkoutCases() {
    return cases("checkout-cases.json");
  }

  static Stream<Named<JsonNode>> refundCases() {
    return cases("refund-cases.json");
  }

  static Stream<Named<JsonNode>> hintCases() {
    return cases("webhook-hint-cases.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checkoutCases")
  void mapsACheckoutSessionAndItsPaymentIntent(JsonNode testCase) {
    JsonNode intent = testCase.get("payment_intent");
    CheckoutState state = StripeStatusMapper.checkout(testCase.get("session"),
        intent.isNull() ? null : intent);

    assertThat(state.checkoutId()).isEqualTo("cs_test_a1");
    assertThat(state.paymentId()).contains("pay_01");
    assertThat(state.event()).isEqualTo(expectedEvent(testCase.get("expect"), state.event()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refundCases")
  void mapsARefund(JsonNode testCase) {
    RefundState state = StripeStatusMapper.refund(testCase.get("refund"));

    assertThat(state.providerRefundId()).isEqualTo("re_test_d4");
    assertThat(state.event()).isEqualTo(expectedEvent(testCase.get("expect"), state.event()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hintCases")
  void reducesAWebhookToWhatToFetch(JsonNode testCase) {
    Optional<ProviderHint> hint = StripeWebhookHints.hint(testCase.get("event"));
    JsonNode expect = testCase.get("expect");

    if (expect.isNull()) {
      assertThat(hint).isEmpty();
      return;
    }
    JsonNode event = testCase.get("event");
    Optional<ProviderHint.Owner> owner = expect.has("owner")
        ? Optional.of(new ProviderHint.Owner(expect.get("owner").get("tenantId").asText(),
            Mode.fromWire(expect.get("owner").get("mode").asText()).orElseThrow()))
        : Optional.empty();
    // The snapshot's report, where the fixture names one; none where it does not.
    Optional<PaymentEvent> reported = expect.has("reported")
        ? Optional.of(expectedEvent(expect.get("reported"), null))
        : Optional.empty();
    assertThat(hint).contains(new ProviderHint("stripe", event.get("id").asText(),
        event.get("type").asText(), ProviderHint.Subject.valueOf(expect.get("subject").asText()),
        expect.get("objectId").asText(), optional(expect, "paymentId"),
        optional(expect, "refundId"), owner, reported));
  }

  @Test
  void theIntentIdComesFromTheSessionWhenTheIntentWasNotFetched() {
    JsonNode session = checkoutCases()
        .filter(named -> named.getName().equals("complete and paid, intent not fetched"))
        .findFirst().orElseThrow().getPayload().get("session");

    assertThat(StripeStatusMapper.checkout(session, null).providerPaymentId()).contains("pi_test_b2");
  }

  /** The event the fixture names; the expected reason is checked only where the fixture gives one. */
  private static PaymentEvent expectedEvent(JsonNode expect, PaymentEvent actual) {
    Instant time = expect.has("providerTime")
        ? Instant.ofEpochSecond(expect.get("providerTime").asLong())
        : null;
    return switch (expect.get("event").asText()) {
      case "Pending" -> new PaymentEvent.Pending(time);
      case "Captured" -> new PaymentEvent.Captured(expect.get("amount").asLong(), time);
      case "Authorized" -> new PaymentEvent.Authorized(expect.get("amount").asLong(), time);
      case "PaymentFailed" -> new PaymentEvent.PaymentFailed(expect.get("reason").asText(), time);
      case "Cancelled" -> new PaymentEvent.Cancelled(time);
      case "Expired" -> new PaymentEvent.Expired(time);
      case "Unknown" -> new PaymentEvent.Unknown(time);
      case "ReviewNeeded" -> actual instanceof PaymentEvent.ReviewNeeded review
          ? new PaymentEvent.ReviewNeeded(review.reason(), time)
          : new PaymentEvent.ReviewNeeded("a review", time);
      case "RefundSucceeded" -> new PaymentEvent.RefundSucceeded(expect.get("refundId").asText(),
          expect.get("amount").asLong(), time);
      case "RefundFailed" -> new PaymentEvent.RefundFailed(expect.get("refundId").asText(), time);
      default -> throw new IllegalArgumentException("no such event in fixtures: " + expect);
    };
  }

  private static Optional<String> optional(JsonNode node, String field) {
    return node.has(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
  }

  private static Stream<Named<JsonNode>> cases(String resource) {
    try (InputStream in = StripeStatusMapperTest.class.getResourceAsStream("/stripe/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + resource);
      }
      JsonNode all = JSON.readTree(in);
      return StreamSupport.stream(all.spliterator(), false)
          .map(testCase -> Named.of(testCase.get("name").asText(), testCase))
          .toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

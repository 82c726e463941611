package io.tender.local.sandbox.stripe;

import static io.tender.local.sandbox.stripe.SandboxFixture.client;
import static io.tender.local.sandbox.stripe.SandboxFixture.paidSession;
import static io.tender.local.sandbox.stripe.SandboxFixture.sessionParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundCreateParams;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refunds never exceed what was received less what is already refunded or pending. */
class StripeRefundSandboxTest {
  private StripeSandbox sandbox;
  private StripeClient stripe;

  @BeforeEach
  void start() {
    sandbox = StripeSandbox.start(Clock.systemUTC());
    stripe = client(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void partialThenRemainingRefundsAddUpToTheChargeAndNoMore() throws Exception {
    Session paid = paidSession(sandbox, 1000);
    String intent = paid.getPaymentIntent();

    Refund partial = stripe.v1().refunds().create(
        RefundCreateParams.builder().setPaymentIntent(intent).setAmount(300L).build());
    assertThat(partial.getId()).startsWith("re_test_");
    assertThat(partial.getObject()).isEqualTo("refund");
    assertThat(partial.getStatus()).isEqualTo("succeeded");
    assertThat(partial.getAmount()).isEqualTo(300L);
    assertThat(partial.getCurrency()).isEqualTo("eur");
    assertThat(partial.getPaymentIntent()).isEqualTo(intent);

    assertThatThrownBy(() -> stripe.v1().refunds().create(
        RefundCreateParams.builder().setPaymentIntent(intent).setAmount(701L).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(400);
          assertThat(e.getCode()).isEqualTo("amount_too_large");
          assertThat(e.getParam()).isEqualTo("amount");
        });

    Refund rest = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent).build());
    assertThat(rest.getAmount()).isEqualTo(700L);

    assertThatThrownBy(() -> stripe.v1().refunds().create(
        RefundCreateParams.builder().setPaymentIntent(intent).setAmount(1L).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("charge_already_refunded"));
    assertThat(sandbox.events()).extracting(e -> e.get("type").asText())
        .containsSubsequence("refund.created", "charge.refunded", "refund.created", "charge.refunded");
    assertThat(sandbox.events().getLast().at("/data/object/refunded").asBoolean()).isTrue();
    assertThat(sandbox.events().getLast().at("/data/object/amount_refunded").asLong()).isEqualTo(1000L);
  }

  @Test
  void aFullRefundInOneGoTakesTheWholeAmount() throws Exception {
    Session paid = paidSession(sandbox, 2599);

    Refund full = stripe.v1().refunds().create(
        RefundCreateParams.builder().setPaymentIntent(paid.getPaymentIntent()).build());

    assertThat(full.getAmount()).isEqualTo(2599L);
    assertThat(stripe.v1().refunds().retrieve(full.getId()).getStatus()).isEqualTo("succeeded");
  }

  @Test
  void aPendingRefundHoldsItsAmountUntilItSettles() throws Exception {
    Session paid = paidSession(sandbox, 1000);
    String intent = paid.getPaymentIntent();
    sandbox.failures().pendNextRefund();

    Refund pending = stripe.v1().refunds().create(
        RefundCreateParams.builder().setPaymentIntent(intent).setAmount(600L).build());

    assertThat(pending.getStatus()).isEqualTo("pending");
    assertThatThrownBy(() -> stripe.v1().refunds().create(
        RefundCreateParams.builder().setPaymentIntent(intent).setAmount(401L).build()))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(sandbox.events()).extracting(e -> e.get("type").asText()).last().isEqualTo("refund.created");

    sandbox.settleRefund(pending.getId());

    assertThat(stripe.v1().refunds().retrieve(pending.getId()).getStatus()).isEqualTo("succeeded");
    assertThat(sandbox.events()).extracting(e -> e.get("type").asText())
        .endsWith("refund.created", "refund.updated", "charge.refunded");
    // The switch was one-shot.
    assertThat(stripe.v1().refunds().create(
        RefundCreateParams.builder().setPaymentIntent(intent).setAmount(400L).build()).getStatus())
        .isEqualTo("succeeded");
  }

  @Test
  void onlyASucceededPaymentCanBeRefunded() throws Exception {
    Session session = stripe.v1().checkout().sessions().create(sessionParams(500, 1).build());
    sandbox.hostedPageDecline(session.getId());
    String declined = stripe.v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent();

    assertThatThrownBy(() -> stripe.v1().refunds().create(
        RefundCreateParams.builder().setPaymentIntent(declined).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(400));
    assertThatThrownBy(() -> stripe.v1().refunds().create(
        RefundCreateParams.builder().setPaymentIntent("pi_test_nope").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("resource_missing"));
  }

  @Test
  void concurrentRefundsNeverTogetherExceedTheCharge() throws Exception {
    Session paid = paidSession(sandbox, 1000);
    String intent = paid.getPaymentIntent();
    java.util.concurrent.atomic.AtomicLong refunded = new java.util.concurrent.atomic.AtomicLong();

    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 16; i++) {
        pool.submit(() -> {
          try {
            refunded.addAndGet(client(sandbox).v1().refunds().create(
                RefundCreateParams.builder().setPaymentIntent(intent).setAmount(150L).build()).getAmount());
          } catch (InvalidRequestException refused) {
            // The charge ran out: expected for all but six of them.
          }
          return null;
        });
      }
    }

    assertThat(refunded.get()).isEqualTo(900L);
    await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(sandbox.events()
        .stream().filter(e -> e.get("type").asText().equals("refund.created"))).hasSize(6));
  }
}

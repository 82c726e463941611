package io.tender.local.sandbox.stripe;

import static io.tender.local.sandbox.stripe.SandboxFixture.client;
import static io.tender.local.sandbox.stripe.SandboxFixture.sessionParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.model.checkout.Session;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A session past expires_at reads as expired, and checkout.session.expired fires exactly once. */
class StripeExpirySandboxTest {
  private final MutableClock clock = new MutableClock(Instant.now());
  private StripeSandbox sandbox;
  private StripeClient stripe;

  @BeforeEach
  void start() {
    sandbox = StripeSandbox.start(clock);
    stripe = client(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void aSessionIsOpenUntilItsExpiresAtAndExpiredFromThenOn() throws Exception {
    long in31Minutes = clock.instant().getEpochSecond() + 31 * 60;
    Session session = stripe.v1().checkout().sessions().create(
        sessionParams(100, 1).setExpiresAt(in31Minutes).build());
    sandbox.hostedPageDecline(session.getId());

    clock.advance(Duration.ofMinutes(31).minusSeconds(1));
    assertThat(stripe.v1().checkout().sessions().retrieve(session.getId()).getStatus()).isEqualTo("open");

    clock.advance(Duration.ofSeconds(1));
    Session expired = stripe.v1().checkout().sessions().retrieve(session.getId());
    assertThat(expired.getStatus()).isEqualTo("expired");
    assertThat(expired.getUrl()).isNull();
    // The declined attempt's PaymentIntent is abandoned with the session.
    assertThat(stripe.v1().paymentIntents().retrieve(expired.getPaymentIntent()).getStatus()).isEqualTo("canceled");

    stripe.v1().checkout().sessions().retrieve(session.getId());
    Thread.sleep(1200); // at least two sweeps, which must not fire again
    assertThat(sandbox.events()).extracting(e -> e.get("type").asText())
        .containsOnlyOnce("checkout.session.expired")
        .containsOnlyOnce("payment_intent.canceled");
  }

  @Test
  void theSweepExpiresASessionNobodyReads() throws Exception {
    Session session = stripe.v1().checkout().sessions().create(sessionParams(100, 1).build());

    clock.advance(Duration.ofHours(24));

    await().atMost(Duration.ofSeconds(3)).until(() -> !sandbox.events().isEmpty());
    assertThat(sandbox.events()).singleElement().satisfies(event -> {
      assertThat(event.get("type").asText()).isEqualTo("checkout.session.expired");
      assertThat(event.at("/data/object/id").asText()).isEqualTo(session.getId());
      assertThat(event.at("/data/object/status").asText()).isEqualTo("expired");
    });
  }
}

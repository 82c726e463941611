package io.tender.local.sandbox.stripe;

import static io.tender.local.sandbox.stripe.SandboxFixture.client;
import static io.tender.local.sandbox.stripe.SandboxFixture.send;
import static io.tender.local.sandbox.stripe.SandboxFixture.sessionParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authentication, idempotency, parameter checking and the failure switches. */
class StripeProtocolSandboxTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORM = "mode=payment&success_url=https%3A%2F%2Fm.example%2Fok"
      + "&line_items[0][quantity]=1&line_items[0][price_data][currency]=usd"
      + "&line_items[0][price_data][unit_amount]=700&line_items[0][price_data][product_data][name]=Tea"
      + "&metadata[tender_payment_id]=pay_01RAW";

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
  void aMissingKeyIs401InStripesErrorShape() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(sandbox.baseUrl().resolve("/v1/checkout/sessions"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(FORM))
        .build());

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.get("message").asText()).contains("You did not provide an API key");
  }

  @Test
  void aWrongKeyIs401AndIsNeverEchoedWhole() {
    StripeClient wrong = new StripeClient.StripeClientBuilder()
        .setApiKey("sk_test_wrongwrongwrong1234")
        .setApiBase(sandbox.baseUrl().toString())
        .setMaxNetworkRetries(0)
        .build();

    assertThatThrownBy(() -> wrong.v1().checkout().sessions().create(sessionParams(100, 1).build()))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(401);
          assertThat(e.getMessage()).contains("****1234").doesNotContain("wrongwrong");
        });
  }

  @Test
  void theSameKeyAndParamsReplayTheFirstResponse() throws Exception {
    RequestOptions options = RequestOptions.builder().setIdempotencyKey("order-1").build();

    Session first = stripe.v1().checkout().sessions().create(sessionParams(100, 1).build(), options);
    Session second = stripe.v1().checkout().sessions().create(sessionParams(100, 1).build(), options);

    assertThat(second.getId()).isEqualTo(first.getId());
    HttpResponse<String> raw = post("/v1/checkout/sessions", FORM, "raw-1");
    HttpResponse<String> replay = post("/v1/checkout/sessions", FORM, "raw-1");
    assertThat(replay.body()).isEqualTo(raw.body());
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(raw.headers().firstValue("Idempotent-Replayed")).isEmpty();
  }

  @Test
  void theSameKeyWithOtherParamsIsAnIdempotencyError() throws Exception {
    RequestOptions options = RequestOptions.builder().setIdempotencyKey("order-2").build();
    stripe.v1().checkout().sessions().create(sessionParams(100, 1).build(), options);

    assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(sessionParams(101, 1).build(), options))
        .isInstanceOfSatisfying(IdempotencyException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(400));
    HttpResponse<String> otherEndpoint = post("/v1/refunds", "payment_intent=pi_test_x", "order-2");
    assertThat(JSON.readTree(otherEndpoint.body()).at("/error/type").asText()).isEqualTo("idempotency_error");
  }

  @Test
  void aRequestThatFailsValidationSavesNothingUnderItsKey() throws Exception {
    HttpResponse<String> invalid = post("/v1/checkout/sessions", FORM.replace("mode=payment&", ""), "fix-me");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(invalid.body()).at("/error/param").asText()).isEqualTo("mode");

    HttpResponse<String> corrected = post("/v1/checkout/sessions", FORM, "fix-me");

    assertThat(corrected.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(corrected.body()).get("object").asText()).isEqualTo("checkout.session");
  }

  @Test
  void bracketNotationFromTheWireIsUnderstood() throws Exception {
    HttpResponse<String> created = post("/v1/checkout/sessions",
        FORM + "&payment_method_types[]=card&expires_at=" + (Clock.systemUTC().instant().getEpochSecond() + 3600),
        null);

    JsonNode session = JSON.readTree(created.body());
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(session.get("amount_total").asLong()).isEqualTo(700);
    assertThat(session.get("currency").asText()).isEqualTo("usd");
    assertThat(session.at("/metadata/tender_payment_id").asText()).isEqualTo("pay_01RAW");
    assertThat(session.at("/payment_method_types/0").asText()).isEqualTo("card");
    assertThat(session.get("payment_intent").isNull()).isTrue();
  }

  @Test
  void unknownParametersAndUrlsAreRefusedByName() throws Exception {
    HttpResponse<String> typo = post("/v1/checkout/sessions", FORM + "&metdata[x]=1", null);
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(typo.body()).at("/error/message").asText())
        .isEqualTo("Received unknown parameter: metdata");

    HttpResponse<String> nested = post("/v1/checkout/sessions", FORM + "&line_items[0][price]=price_1", null);
    assertThat(JSON.readTree(nested.body()).at("/error/param").asText()).isEqualTo("line_items[0][price]");

    HttpResponse<String> unknown = post("/v1/charges", "amount=1", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).at("/error/message").asText()).contains("Unrecognized request URL");
  }

  @Test
  void expiresAtMustFallBetweenThirtyMinutesAndADayAhead() {
    long now = Clock.systemUTC().instant().getEpochSecond();

    assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(
        sessionParams(100, 1).setExpiresAt(now + 29 * 60).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getParam()).isEqualTo("expires_at"));
    assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(
        sessionParams(100, 1).setExpiresAt(now + 25 * 3600).build()))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void failNextCallAnswers500OnceWithoutExecuting() throws Exception {
    sandbox.failures().failNextCall();
    RequestOptions options = RequestOptions.builder().setIdempotencyKey("retry-me").build();

    assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(sessionParams(100, 1).build(), options))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(500));

    Session retried = stripe.v1().checkout().sessions().create(sessionParams(100, 1).build(), options);
    assertThat(retried.getStatus()).isEqualTo("open");
    Session again = stripe.v1().checkout().sessions().create(sessionParams(100, 1).build(), options);
    assertThat(again.getId()).isEqualTo(retried.getId());
  }

  @Test
  void aDelayedResponseTimesTheClientOutYetTheCallTookEffect() throws Exception {
    sandbox.failures().delayNextCall(Duration.ofSeconds(3));
    RequestOptions impatient = RequestOptions.builder().setIdempotencyKey("slow-1").setReadTimeout(500).build();

    assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(sessionParams(100, 1).build(), impatient))
        .isInstanceOf(ApiConnectionException.class);

    // The retry with the same key finds the session the timed-out call created.
    Session retried = stripe.v1().checkout().sessions().create(sessionParams(100, 1).build(),
        RequestOptions.builder().setIdempotencyKey("slow-1").build());
    assertThat(retried.getStatus()).isEqualTo("open");
    assertThat(retried.getLastResponse().headers().firstValue("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void declineNextPaymentTurnsOnePayIntoADecline() throws Exception {
    Session session = stripe.v1().checkout().sessions().create(sessionParams(100, 1).build());
    sandbox.failures().declineNextPayment();

    assertThat(sandbox.hostedPagePay(session.getId())).isEmpty();
    assertThat(stripe.v1().paymentIntents().retrieve(
        stripe.v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent()).getStatus())
        .isEqualTo("requires_payment_method");
    assertThat(sandbox.hostedPagePay(session.getId())).isPresent();
  }

  private HttpResponse<String> post(String path, String form, String idempotencyKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
        .header("Authorization", "Bearer " + sandbox.apiKey())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request.build());
  }
}

package io.tender.local.sandbox.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The official client pointed at a sandbox, plus a plain HTTP client for the hosted page and raw calls. */
final class SandboxFixture {
  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private SandboxFixture() {}

  static StripeClient client(StripeSandbox sandbox) {
    return new StripeClient.StripeClientBuilder()
        .setApiKey(sandbox.apiKey())
        .setApiBase(sandbox.baseUrl().toString())
        .setMaxNetworkRetries(0)
        .build();
  }

  static SessionCreateParams.Builder sessionParams(long unitAmount, long quantity) {
    return SessionCreateParams.builder()
        .setMode(SessionCreateParams.Mode.PAYMENT)
        .setSuccessUrl("https://merchant.example/done?session={CHECKOUT_SESSION_ID}")
        .setCancelUrl("https://merchant.example/cart")
        .setClientReferenceId("pay_01TEST")
        .putMetadata("tender_payment_id", "pay_01TEST")
        .addLineItem(SessionCreateParams.LineItem.builder()
            .setQuantity(quantity)
            .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                .setCurrency("eur")
                .setUnitAmount(unitAmount)
                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                    .setName("Order pay_01TEST")
                    .build())
                .build())
            .build());
  }

  static Session paidSession(StripeSandbox sandbox, long amount) throws StripeException {
    Session session = client(sandbox).v1().checkout().sessions().create(sessionParams(amount, 1).build());
    sandbox.hostedPagePay(session.getId()).orElseThrow();
    return client(sandbox).v1().checkout().sessions().retrieve(session.getId());
  }

  static HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET().build());
  }

  static HttpResponse<String> postForm(URI uri, String form) {
    return send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

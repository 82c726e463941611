package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secrets in logs: an end-to-end run (sign-in with MFA and a recovery code, API key creation,
 * checkouts, payment on the hosted page, Stripe's webhook, settlement, a refund, a payment link)
 * with a Luhn-valid card number and a CVV put where a careless implementation would log them (a
 * reference, metadata, malformed and rejected bodies, a refund of a "payment" named by the card
 * number, a login), while every line the gateway, the functions, the demo
 * webhook receiver and the sandbox print is kept. None of them, and none of the credentials that
 * flowed (API keys, session tokens, TOTP secret, recovery codes, webhook signing secrets before
 * and after a rotation, Stripe's secret key and webhook secret, the demo tenant's password), may be
 * in it; no answer may carry a secret handed out by another; no function's environment holds one.
 */
class SecretsInLogsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** A Visa-range number that passes the Luhn check, made up here so nothing else prints it. */
  private static final String CARD_NUMBER = "4000003176250013";
  private static final String CVV = "9317";

  private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
  private static PrintStream originalOut;
  private static PrintStream originalErr;
  private static ProviderSandboxes sandboxes;
  private static LocalGateway gateway;
  private static DemoReceiver demoReceiver;
  private static MerchantReceiver hook;
  /** Every secret handed out so far; a response may carry only the ones it hands out itself. */
  private static final List<String> SECRETS = new CopyOnWriteArrayList<>();
  private static final List<String> LEAKS_IN_RESPONSES = new CopyOnWriteArrayList<>();
  private static int responses;

  @BeforeAll
  static void start() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(tee(originalOut), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(tee(originalErr), true, StandardCharsets.UTF_8));
    sandboxes = ProviderSandboxes.start(Clock.systemUTC());
    gateway = LocalGateway.start(sandboxes.wire(LocalGatewayOptions.defaults(Path.of("../../template.yaml")).withPort(0)));
    sandboxes.connect(gateway);
    // The runner's demo receiver prints every event it is sent: on the console kept here.
    demoReceiver = DemoReceiver.start(Clock.systemUTC(), System.out);
    hook = MerchantReceiver.answering(200);
    SECRETS.add(sandboxes.stripe().apiKey());
    SECRETS.add(sandboxes.stripeWebhookSecret());
  }

  @AfterAll
  static void stop() {
    hook.close();
    demoReceiver.close();
    gateway.close();
    sandboxes.close();
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  @Test
  void noCardDataOrSecretReachesALogAndNoAnswerCarriesAnotherSecret() throws Exception {
    assertThat(luhnValid(CARD_NUMBER)).isTrue();

    // The demo merchant, as the runner seeds it and prints its sign-in once, on the console only.
    ByteArrayOutputStream banner = new ByteArrayOutputStream();
    DemoTenant.seed(gateway, demoReceiver, new PrintStream(banner, true, StandardCharsets.UTF_8));
    Matcher signIn = Pattern.compile("owner sign-in\\s+(\\S+) / (\\S+)").matcher(banner.toString(StandardCharsets.UTF_8));
    Matcher demoKey = Pattern.compile("test API key\\s+(sk_test_\\S+)").matcher(banner.toString(StandardCharsets.UTF_8));
    assertThat(signIn.find()).as(banner.toString(StandardCharsets.UTF_8)).isTrue();
    assertThat(demoKey.find()).isTrue();
    String email = signIn.group(1);
    SECRETS.add(signIn.group(2));
    SECRETS.add(demoKey.group(1));

    // Sign-in with MFA, then a step-up with a recovery code.
    Accounts.SignedIn owner = Accounts.signInWithMfa(gateway, email, signIn.group(2), SECRETS::add);
    String token = json(expect(200, send("POST", "/api/v1/auth/mfa/verify", owner.token(),
        "{\"recoveryCode\":\"" + owner.recoveryCodes().get(0) + "\"}"))).path("token").asText();
    SECRETS.add(token);

    // An API key, shown once.
    JsonNode key = json(expect(200, send("POST", "/api/keys:create", token, "{\"name\":\"Log check\"}")));
    String apiKey = key.path("secret").asText();
    SECRETS.add(apiKey);
    expect(200, send("GET", "/api/keys", token, null));

    // A webhook endpoint of the merchant's: its signing secret, shown once, then rotated.
    JsonNode endpoint = json(expect(200, send("POST", "/api/v1/webhooks", token, "{\"url\":\"" + hook.url()
        + "\",\"events\":[\"*\"]}")));
    SECRETS.add(endpoint.path("secret").asText());
    JsonNode rotated = json(expect(200, send("POST", "/api/v1/webhooks/" + endpoint.path("id").asText()
        + "/rotate-secret", token, null)));
    SECRETS.add(rotated.path("secret").asText());
    expect(200, send("GET", "/api/v1/webhooks", token, null));

    // Card data where a careless implementation would log it.
    String careless = "card " + CARD_NUMBER + " cvc " + CVV;
    JsonNode session = json(expect(200, send("POST", "/api/v1/checkout/sessions", apiKey, "{\"amount\":4200,"
        + "\"currency\":\"USD\",\"reference\":\"" + careless + "\",\"successUrl\":\"https://localhost/ok\","
        + "\"cancelUrl\":\"https://localhost/cancel\"}")));
    expect(400, send("POST", "/api/v1/checkout/sessions", apiKey, "{\"amount\":4200,\"currency\":\"USD\","
        + "\"reference\":\"x\",\"metadata\":{\"card_number\":\"" + CARD_NUMBER + "\",\"cvc\":\"" + CVV + "\"},"
        + "\"successUrl\":\"https://localhost/ok\",\"cancelUrl\":\"https://localhost/cancel\"}"));
    expect(400, send("POST", "/api/v1/checkout/sessions", apiKey, "{\"card\":\"" + CARD_NUMBER + "\",\"cvc\":" + CVV));
    expect(400, send("POST", "/api/v1/checkout/sessions", apiKey, "{\"amount\":\"" + CARD_NUMBER + "\",\"currency\":\""
        + CVV + "\"}"));
    expect(404, send("POST", "/api/v1/refunds", apiKey, "{\"paymentId\":\"" + CARD_NUMBER + "\",\"amount\":" + CVV
        + ",\"reason\":\"cvc " + CVV + "\"}"));
    expect(401, send("POST", "/api/v1/auth/login", null, "{\"email\":\"" + CARD_NUMBER + "@example.test\","
        + "\"password\":\"cvc-" + CVV + "-" + CARD_NUMBER + "\"}"));
    expect(400, send("POST", "/api/webhooks/stripe", null, "{\"id\":\"evt_card\",\"card\":\"" + CARD_NUMBER + "\"}"));

    // Pay on the hosted page; Stripe's signed webhook; settlement; then a refund.
    String stripeSession = URI.create(session.path("redirect_url").asText()).getPath().replaceAll(".*/", "");
    sandboxes.stripe().hostedPagePay(stripeSession);
    awaitCompleted(apiKey, session.path("id").asText());
    expect(200, send("POST", "/api/v1/refunds", apiKey, "{\"paymentId\":\"" + session.path("payment_id").asText()
        + "\",\"amount\":1200,\"reason\":\"customer request\"}"));

    // A payment link, read and paid through by a payer.
    String slug = json(expect(200, send("POST", "/api/v1/links", token, "{\"amount\":1500,\"currency\":\"USD\","
        + "\"reference\":\"link " + careless + "\",\"expires_at\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}")))
        .path("slug").asText();
    HttpClient payer = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.41")).build();
    expect(200, send(payer, "GET", "/api/v1/links/" + slug, null, null));
    JsonNode opened = json(expect(200, send(payer, "POST", "/api/v1/links/" + slug + "/checkout", null,
        "{\"methodTypes\":[\"card\"]}")));
    sandboxes.stripe().hostedPagePay(URI.create(opened.path("redirectUrl").asText()).getPath().replaceAll(".*/", ""));
    awaitCompleted(apiKey, opened.path("sessionId").asText());
    String audit = expect(200, send("GET", "/api/v1/audit-logs?limit=100", token, null)).body();
    expect(200, send("POST", "/api/webhooks/test", token, "{\"eventType\":\"payment.succeeded\",\"data\":{\"id\":"
        + "\"pay_test\"}}"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hook.ofType("refund.succeeded").size() >= 1
        && hook.ofType("checkout.session.completed").size() >= 2);
    expect(200, send("GET", "/api/v1/webhooks/deliveries?limit=100", token, null));
    expect(200, send("GET", "/api/v1/events?limit=100", token, null));

    // Let the outbox and any retry finish printing before the console is read.
    Thread.sleep(1_500);
    String console = CONSOLE.toString(StandardCharsets.UTF_8);
    assertThat(console).as("what was printed").contains("provider event settled");
    assertThat(console).as("no card number on the console").doesNotContain(CARD_NUMBER);
    assertThat(Pattern.compile("(?<![0-9A-Za-z])" + CVV + "(?![0-9A-Za-z])").matcher(console).find())
        .as("no CVV on the console").isFalse();
    for (String secret : SECRETS) {
      assertThat(console).as("a secret on the console").doesNotContain(secret);
    }
    assertThat(audit).as("the audit trail keeps ids only").doesNotContain(CARD_NUMBER);
    assertThat(LEAKS_IN_RESPONSES).as("answers carrying a secret handed out before").isEmpty();
    assertThat(responses).as("answers checked").isGreaterThanOrEqualTo(15);
    for (var function : gateway.template().functions().values()) {
      for (String value : function.environment().values()) {
        assertThat(SECRETS).as(function.logicalId() + "'s environment holds secret names, never values")
            .doesNotContain(value);
      }
    }
    System.out.printf("secrets in logs: %d console bytes, %d secrets and the card number and CVV checked, %d answers%n",
        console.length(), SECRETS.size(), responses);
  }

  private static void awaitCompleted(String apiKey, String sessionId) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json(send("GET",
        "/api/v1/checkout/sessions/" + sessionId, apiKey, null)).path("status").asText()).isEqualTo("completed"));
  }

  private static HttpResponse<String> send(String method, String path, String credential, String body) throws Exception {
    return send(HTTP, method, path, credential, body);
  }

  /** Sends, and notes any secret handed out earlier that the answer carries. */
  private static HttpResponse<String> send(HttpClient client, String method, String path, String credential,
      String body) throws Exception {
    Set<String> before = Set.copyOf(SECRETS);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
        .header("content-type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (credential != null) {
      request.header(credential.startsWith("sk_") ? "x-api-key" : "authorization",
          credential.startsWith("sk_") ? credential : "Bearer " + credential);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    responses++;
    String answer = response.body() + response.headers().map();
    for (String secret : before) {
      if (answer.contains(secret)) {
        LEAKS_IN_RESPONSES.add(method + " " + path + " answered a secret handed out before");
      }
    }
    return response;
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + " "
        + response.body()).isEqualTo(status);
    return response;
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static boolean luhnValid(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      sum += i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
    }
    return sum % 10 == 0;
  }

  /** Passes every byte on, and keeps a copy. */
  private static OutputStream tee(PrintStream original) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        original.write(b);
        synchronized (CONSOLE) {
          CONSOLE.write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        original.write(bytes, offset, length);
        synchronized (CONSOLE) {
          CONSOLE.write(bytes, offset, length);
        }
      }
    };
  }
}

package io.tender.adapter.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.tenant.Mode;
import io.tender.core.webhook.DeliveryAttemptResult;
import io.tender.core.webhook.DeliveryErrorClass;
import io.tender.core.webhook.FakeResolver;
import io.tender.core.webhook.OutboundTarget;
import io.tender.core.webhook.OutboundUrlGuard;
import io.tender.core.webhook.OutboundUrlPolicy;
import io.tender.core.webhook.OutboundUrlVerdict;
import io.tender.core.webhook.WebhookRequest;
import io.tender.core.webhook.WebhookSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP server on 127.0.0.1. Nothing here touches the real network. */
class GuardedWebhookSenderTest {
  private static final byte[] BODY =
      "{\"id\":\"evt_01\",\"type\":\"payment.succeeded\",\"data\":{\"object\":{\"amount\":1250}}}"
          .getBytes(UTF_8);
  private static final String SIGNATURE = "t=1740830400,v1=" + "ab".repeat(32);
  private static final SendTimeouts FAST =
      new SendTimeouts(Duration.ofMillis(500), Duration.ofMillis(700));

  private final CountDownLatch releaseStalledHandlers = new CountDownLatch(1);
  private LocalReceiver receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = LocalReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    releaseStalledHandlers.countDown();
    receiver.close();
  }

  private static GuardedWebhookSender sender(OutboundUrlGuard guard, SendTimeouts timeouts)
      throws Exception {
    return new GuardedWebhookSender(guard, SSLContext.getDefault().getSocketFactory(), timeouts);
  }

  /** The production policy with the local flag: the only way 127.0.0.1 is ever allowed. */
  private static GuardedWebhookSender localSender(SendTimeouts timeouts) throws Exception {
    return sender(OutboundUrlPolicy.allowingLocalDemoReceiver(new FakeResolver()), timeouts);
  }

  private static GuardedWebhookSender localSender() throws Exception {
    return localSender(SendTimeouts.DEFAULT);
  }

  private static WebhookRequest post(String url) {
    return new WebhookRequest(
        url, Mode.TEST, BODY, Map.of(WebhookSigner.SIGNATURE_HEADER, SIGNATURE));
  }

  @Test
  void a200IsDeliveredWithTheExactBodyAndHeadersAndAnExcerptCutAt1KbOnACharacterBoundary()
      throws Exception {
    // One ASCII byte then two-byte characters: byte 1024 falls inside a character.
    String longAnswer = "x" + "\u00e9".repeat(3000);
    receiver.on("/hooks", exchange ->
        LocalReceiver.respond(exchange, 200, longAnswer.getBytes(UTF_8)));

    DeliveryAttemptResult result =
        localSender().send(post(receiver.url("/hooks/tender?shop=42")));

    assertThat(result.delivered()).isTrue();
    assertThat(result.statusCode()).isEqualTo(OptionalInt.of(200));
    assertThat(result.errorClass()).isEmpty();
    assertThat(result.responseExcerpt()).isEqualTo("x" + "\u00e9".repeat(511));
    assertThat(result.latencyMillis()).isBetween(0L, 10_000L);
    LocalReceiver.Received request = receiver.received().getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.pathAndQuery()).isEqualTo("/hooks/tender?shop=42");
    assertThat(request.body()).isEqualTo(BODY);
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Content-Length")).isEqualTo(String.valueOf(BODY.length));
    assertThat(request.header("Tender-Signature")).isEqualTo(SIGNATURE);
    assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + receiver.port());
    assertThat(request.header("User-Agent")).startsWith("Tender-Webhooks/");
  }

  @Test
  void aChunkedAnswerIsCutAt1Kb() throws Exception {
    receiver.on("/hooks", exchange -> {
      exchange.sendResponseHeaders(202, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 50; i++) {
          out.write("a".repeat(100).getBytes(UTF_8));
          out.flush();
        }
      }
    });

    DeliveryAttemptResult result = localSender().send(post(receiver.url("/hooks")));

    assertThat(result.delivered()).isTrue();
    assertThat(result.statusCode()).isEqualTo(OptionalInt.of(202));
    assertThat(result.responseExcerpt())
        .isEqualTo("a".repeat(DeliveryAttemptResult.MAX_EXCERPT_BYTES));
  }

  @Test
  void a500IsAnHttpErrorWithItsExcerpt() throws Exception {
    receiver.on("/hooks", exchange -> LocalReceiver.respond(exchange, 500, "boom".getBytes(UTF_8)));

    DeliveryAttemptResult result = localSender().send(post(receiver.url("/hooks")));

    assertThat(result.delivered()).isFalse();
    assertThat(result.statusCode()).isEqualTo(OptionalInt.of(500));
    assertThat(result.errorClass()).contains(DeliveryErrorClass.HTTP_ERROR);
    assertThat(result.responseExcerpt()).isEqualTo("boom");
    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void anEndpointSlowerThanTheTotalTimeoutIsATimeoutReportedInTime() throws Exception {
    receiver.on("/hooks", exchange -> {
      awaitRelease();
      LocalReceiver.respond(exchange, 200, "too late".getBytes(UTF_8));
    });

    DeliveryAttemptResult result = localSender(FAST).send(post(receiver.url("/hooks")));

    assertThat(result.errorClass()).contains(DeliveryErrorClass.TIMEOUT);
    assertThat(result.statusCode()).isEmpty();
    assertThat(result.latencyMillis()).isBetween(FAST.total().toMillis() - 50, 5_000L);
  }

  @Test
  void a302ToAPrivateAddressIsAFailedAttemptAndIsNotFollowed() throws Exception {
    receiver.on("/latest/meta-data", exchange ->
        LocalReceiver.respond(exchange, 200, "iam-role-credentials".getBytes(UTF_8)));
    receiver.on("/hooks", exchange -> {
      exchange.getResponseHeaders().add("Location", receiver.url("/latest/meta-data/iam"));
      LocalReceiver.respond(exchange, 302, "moved".getBytes(UTF_8));
    });

    DeliveryAttemptResult result = localSender().send(post(receiver.url("/hooks")));

    assertThat(result.delivered()).isFalse();
    assertThat(result.errorClass()).contains(DeliveryErrorClass.REDIRECT);
    assertThat(result.statusCode()).isEqualTo(OptionalInt.of(302));
    assertThat(receiver.receivedAt("/hooks")).hasSize(1);
    assertThat(receiver.receivedAt("/latest/meta-data")).isEmpty();
  }

  @Test
  void aClosedPortIsConnectRefused() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    DeliveryAttemptResult result =
        localSender().send(post("http://127.0.0.1:" + closedPort + "/hooks"));

    assertThat(result.errorClass()).contains(DeliveryErrorClass.CONNECT_REFUSED);
    assertThat(result.statusCode()).isEmpty();
  }

  @Test
  void aNameThatRebindsToLoopbackAfterRegistrationIsRefusedAtSendAndNothingIsSent()
      throws Exception {
    receiver.on("/hooks", exchange -> LocalReceiver.respond(exchange, 200, new byte[0]));
    FakeResolver dns = new FakeResolver().answer("rebind.merchant.example", "93.184.216.34");
    OutboundUrlPolicy policy = OutboundUrlPolicy.strict(dns);
    String url = "http://rebind.merchant.example:" + receiver.port() + "/hooks";
    assertThat(policy.check(url, Mode.TEST).isAllowed()).as("registration").isTrue();

    dns.answer("rebind.merchant.example", "127.0.0.1");
    DeliveryAttemptResult result =
        sender(policy, FAST).send(post(url));

    assertThat(result.errorClass()).contains(DeliveryErrorClass.SSRF_REFUSED);
    assertThat(result.detail()).contains("127.0.0.1 is LOOPBACK");
    assertThat(dns.asked()).containsExactly("rebind.merchant.example", "rebind.merchant.example");
    assertThat(receiver.received()).isEmpty();
  }

  @Test
  void aUrlThatNeverPassedTheGuardIsRefusedAtSend() throws Exception {
    receiver.on("/hooks", exchange -> LocalReceiver.respond(exchange, 200, new byte[0]));
    GuardedWebhookSender strict = sender(OutboundUrlPolicy.strict(new FakeResolver()), FAST);

    for (String url : List.of(receiver.url("/hooks"),
        "http://2130706433:" + receiver.port() + "/hooks",
        "http://0x7f.1:" + receiver.port() + "/hooks")) {
      assertThat(strict.send(post(url)).errorClass()).as(url)
          .contains(DeliveryErrorClass.SSRF_REFUSED);
    }
    assertThat(receiver.received()).isEmpty();
  }

  @Test
  void aNameThatDoesNotResolveIsADnsFailure() throws Exception {
    DeliveryAttemptResult result = sender(OutboundUrlPolicy.strict(new FakeResolver()), FAST)
        .send(post("https://gone.merchant.example/hooks"));

    assertThat(result.errorClass()).contains(DeliveryErrorClass.DNS_FAILED);
  }

  @Test
  void aStalledLookupCostsTheAttemptItsTotalTimeoutAndNoMore() throws Exception {
    OutboundUrlGuard stalled = OutboundUrlPolicy.strict(name -> {
      awaitRelease();
      throw new java.net.UnknownHostException(name);
    });

    DeliveryAttemptResult result =
        sender(stalled, FAST).send(post("https://slow-dns.merchant.example/hooks"));

    assertThat(result.errorClass()).contains(DeliveryErrorClass.TIMEOUT);
    assertThat(result.latencyMillis()).isLessThan(5_000L);
  }

  @Test
  void theConnectionGoesToTheCheckedAddressWithTheMerchantsHostHeader() throws Exception {
    receiver.on("/hooks", exchange -> LocalReceiver.respond(exchange, 204, new byte[0]));

    DeliveryAttemptResult result =
        sender(pinnedTo("hooks.merchant.example", receiver.port()), SendTimeouts.DEFAULT)
            .send(post("http://hooks.merchant.example:" + receiver.port() + "/hooks"));

    assertThat(result.statusCode()).isEqualTo(OptionalInt.of(204));
    assertThat(result.delivered()).isTrue();
    assertThat(receiver.received().getFirst().header("Host"))
        .isEqualTo("hooks.merchant.example:" + receiver.port());
  }

  @Test
  void aServerThatAnswersSomethingElseThanHttpIsAnInvalidResponse() throws Exception {
    byte[] banner = "SSH-2.0-OpenSSH_9.6\r\n".getBytes(UTF_8);
    try (RawServer ssh = RawServer.afterRequestHead(out -> out.write(banner))) {
      DeliveryAttemptResult result =
          localSender().send(post("http://127.0.0.1:" + ssh.port() + "/"));

      assertThat(result.errorClass()).contains(DeliveryErrorClass.INVALID_RESPONSE);
    }
  }

  @Test
  void aServerThatClosesWithoutAnsweringIsAConnectionFailure() throws Exception {
    try (RawServer silent = RawServer.afterRequestHead(out -> { })) {
      DeliveryAttemptResult result =
          localSender().send(post("http://127.0.0.1:" + silent.port() + "/"));

      assertThat(result.errorClass()).contains(DeliveryErrorClass.CONNECTION_FAILED);
      assertThat(result.detail()).contains("closed before a response");
    }
  }

  @Test
  void aServerTricklingItsAnswerCannotStretchTheAttemptPastTheTotalTimeout() throws Exception {
    byte[] answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(UTF_8);
    try (RawServer trickle = RawServer.afterRequestHead(out -> {
      for (byte b : answer) {
        out.write(b);
        out.flush();
        sleepQuietly(100);
      }
    })) {
      DeliveryAttemptResult result =
          localSender(FAST).send(post("http://127.0.0.1:" + trickle.port() + "/"));

      assertThat(result.errorClass()).contains(DeliveryErrorClass.TIMEOUT);
      assertThat(result.latencyMillis()).isLessThan(2_000L);
    }
  }

  /** A guard that approves {@code host} at 127.0.0.1, as a public DNS answer would be approved. */
  private static OutboundUrlGuard pinnedTo(String host, int port) {
    return (url, mode) -> {
      URI uri = URI.create(url);
      assertThat(uri.getHost()).isEqualTo(host);
      return new OutboundUrlVerdict.Allowed(new OutboundTarget(uri.getScheme().equals("https"),
          host, false, port, uri.getRawPath(), List.of(InetAddress.getLoopbackAddress())));
    };
  }

  private void awaitRelease() {
    try {
      releaseStalledHandlers.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

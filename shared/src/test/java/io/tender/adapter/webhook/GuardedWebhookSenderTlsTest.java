package io.tender.adapter.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.tender.core.tenant.Mode;
import io.tender.core.webhook.DeliveryAttemptResult;
import io.tender.core.webhook.DeliveryErrorClass;
import io.tender.core.webhook.OutboundTarget;
import io.tender.core.webhook.OutboundUrlGuard;
import io.tender.core.webhook.OutboundUrlVerdict;
import io.tender.core.webhook.WebhookRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * https through the pinned connection: the socket goes to the checked address (127.0.0.1 here,
 * standing for a public one), while SNI, the certificate check and the Host header use the
 * merchant's host name.
 */
class GuardedWebhookSenderTlsTest {
  private static final String MERCHANT_HOST = "hooks.merchant.example";
  private static final byte[] BODY = "{\"id\":\"evt_tls\"}".getBytes(UTF_8);

  private static TestCertificate certificate;
  private static HttpsServer server;
  private static final List<String> sniSeen = new CopyOnWriteArrayList<>();
  private static final List<String> hostHeadersSeen = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startServer() throws Exception {
    certificate = TestCertificate.forDnsName(MERCHANT_HOST);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(certificate.server()) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
        parameters.setSNIMatchers(List.of(new RecordingSniMatcher()));
        params.setSSLParameters(parameters);
      }
    });
    server.createContext("/hooks", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        hostHeadersSeen.add(exchange.getRequestHeaders().getFirst("Host"));
        byte[] answer = "received".getBytes(UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
      }
    });
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  private static int port() {
    return server.getAddress().getPort();
  }

  /** Approves any https URL at 127.0.0.1, as a public DNS answer would be approved. */
  private static final OutboundUrlGuard PINNED_TO_LOOPBACK = (url, mode) -> {
    URI uri = URI.create(url);
    return new OutboundUrlVerdict.Allowed(new OutboundTarget(true, uri.getHost(), false,
        uri.getPort(), uri.getRawPath(), List.of(InetAddress.getLoopbackAddress())));
  };

  private static DeliveryAttemptResult send(SSLContext trust, String host) {
    GuardedWebhookSender sender = new GuardedWebhookSender(
        PINNED_TO_LOOPBACK, trust.getSocketFactory(), SendTimeouts.DEFAULT);
    return sender.send(new WebhookRequest(
        "https://" + host + ":" + port() + "/hooks", Mode.LIVE, BODY, Map.of()));
  }

  @Test
  void theMerchantsNameIsSentAsSniAndHostAndTheCertificateIsCheckedAgainstIt() {
    DeliveryAttemptResult result = send(certificate.clientTrustingIt(), MERCHANT_HOST);

    assertThat(result.delivered()).as(result.detail()).isTrue();
    assertThat(result.statusCode()).isEqualTo(OptionalInt.of(200));
    assertThat(result.responseExcerpt()).isEqualTo("received");
    assertThat(sniSeen).contains(MERCHANT_HOST);
    assertThat(hostHeadersSeen).contains(MERCHANT_HOST + ":" + port());
  }

  @Test
  void aCertificateForAnotherNameIsATlsFailureEvenAtTheRightAddress() {
    int before = hostHeadersSeen.size();

    DeliveryAttemptResult result = send(certificate.clientTrustingIt(), "other.merchant.example");

    assertThat(result.errorClass()).contains(DeliveryErrorClass.TLS);
    assertThat(result.statusCode()).isEmpty();
    assertThat(hostHeadersSeen).hasSize(before);
  }

  @Test
  void anUntrustedCertificateIsATlsFailure() throws Exception {
    DeliveryAttemptResult result = send(SSLContext.getDefault(), MERCHANT_HOST);

    assertThat(result.errorClass()).contains(DeliveryErrorClass.TLS);
  }

  @Test
  void httpsToAServerSpeakingPlainHttpIsATlsFailure() throws Exception {
    try (RawServer plain = RawServer.onConnect(out -> out.write(
        "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(UTF_8)))) {
      GuardedWebhookSender sender = new GuardedWebhookSender(PINNED_TO_LOOPBACK,
          certificate.clientTrustingIt().getSocketFactory(), SendTimeouts.DEFAULT);

      DeliveryAttemptResult result = sender.send(new WebhookRequest(
          "https://" + MERCHANT_HOST + ":" + plain.port() + "/hooks", Mode.LIVE, BODY, Map.of()));

      assertThat(result.errorClass()).contains(DeliveryErrorClass.TLS);
      assertThat(result.statusCode()).isEmpty();
    }
  }

  /** Accepts every name, remembering it: proves what the client put in SNI. */
  private static final class RecordingSniMatcher extends SNIMatcher {
    RecordingSniMatcher() {
      super(StandardConstants.SNI_HOST_NAME);
    }

    @Override
    public boolean matches(SNIServerName serverName) {
      sniSeen.add(new SNIHostName(serverName.getEncoded()).getAsciiName());
      return true;
    }
  }
}

package io.tender.adapter.webhook;

import io.tender.core.webhook.OutboundTarget;
import io.tender.core.webhook.WebhookRequest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST over a socket connected here, to an address the SSRF guard checked.
 *
 * <p>Why not {@code java.net.http.HttpClient} or {@code HttpURLConnection}: both look the URL's
 * host up again when they connect, so the address checked and the address reached could differ
 * (DNS rebinding), and neither lets a caller connect to a chosen IP while keeping the name for the
 * {@code Host} header, SNI and the certificate check (HttpClient refuses a {@code Host} header; an
 * {@code HttpsURLConnection} socket factory connects wherever the connection resolves the name to).
 * A webhook needs little HTTP: one request with a {@code Content-Length} and
 * {@code Connection: close}, then the answer's head and its first kilobyte. So this connects a
 * plain {@link Socket} to the checked {@link InetAddress} (no lookup can happen), and for https
 * layers an {@link SSLSocket} over it with {@code createSocket(socket, host, port, true)}: JSSE
 * sends {@code host} as SNI and, with endpoint identification {@code HTTPS}, checks the
 * certificate against {@code host} exactly as {@code HttpsURLConnection} would. Redirects cannot
 * be followed because nothing here knows how to.
 */
final class PinnedHttpExchange {
  static final String USER_AGENT = "Tender-Webhooks/1.0";

  private PinnedHttpExchange() {}

  static ResponseReader.Answer post(OutboundTarget target, WebhookRequest request,
      SSLSocketFactory tls, Duration connectTimeout, Deadline deadline) throws IOException {
    Socket tcp = connect(target, connectTimeout, deadline);
    Thread watchdog = closeAtDeadline(tcp, deadline);
    try (Socket socket = target.https() ? handshake(tcp, target, tls, deadline) : tcp) {
      byte[] body = request.body();
      OutputStream out = socket.getOutputStream();
      out.write(head(target, request.headers(), body.length));
      out.write(body);
      out.flush();
      return ResponseReader.read(
          new BufferedInputStream(new DeadlineInputStream(socket, deadline)));
    } finally {
      watchdog.interrupt();
      tcp.close();
    }
  }

  /**
   * Tries each checked address in turn; never a name, so nothing is resolved here. When none
   * connects, the failure is a timeout if the last one timed out and a {@link ConnectException}
   * (refused or unreachable) otherwise.
   */
  private static Socket connect(OutboundTarget target, Duration connectTimeout, Deadline deadline)
      throws IOException {
    IOException last = null;
    for (InetAddress address : target.addresses()) {
      int timeout = (int) Math.min(connectTimeout.toMillis(), deadline.remainingMillis());
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, target.port()), timeout);
        return socket;
      } catch (IOException e) {
        socket.close();
        last = e;
      }
    }
    if (last instanceof SocketTimeoutException || last instanceof ConnectException) {
      throw last;
    }
    ConnectException unreachable = new ConnectException(last.getMessage());
    unreachable.initCause(last);
    throw unreachable;
  }

  private static SSLSocket handshake(Socket tcp, OutboundTarget target, SSLSocketFactory tls,
      Deadline deadline) throws IOException {
    SSLSocket socket = (SSLSocket) tls.createSocket(tcp, target.host(), target.port(), true);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!target.ipLiteral()) {
      parameters.setServerNames(List.of(new SNIHostName(target.host())));
    }
    socket.setSSLParameters(parameters);
    socket.setSoTimeout(deadline.remainingMillis());
    socket.startHandshake();
    return socket;
  }

  /**
   * Read timeouts bound every read; this bounds the rest (a write to an endpoint that never reads,
   * a handshake that stalls between records) by closing the socket when the attempt is over.
   */
  private static Thread closeAtDeadline(Socket socket, Deadline deadline) {
    return Thread.ofVirtual().name("webhook-deadline").start(() -> {
      try {
        Thread.sleep(Duration.ofNanos(deadline.remainingNanos()));
        socket.close();
      } catch (InterruptedException | IOException e) {
        // Interrupted: the attempt finished in time. A failed close leaves nothing to do.
      }
    });
  }

  private static byte[] head(OutboundTarget target, Map<String, String> headers, int bodyLength) {
    StringBuilder head = new StringBuilder()
        .append("POST ").append(target.requestTarget()).append(" HTTP/1.1\r\n")
        .append("Host: ").append(target.hostHeader()).append("\r\n")
        .append("User-Agent: ").append(USER_AGENT).append("\r\n")
        .append("Content-Type: application/json\r\n")
        .append("Content-Length: ").append(bodyLength).append("\r\n")
        .append("Connection: close\r\n");
    new TreeMap<>(headers).forEach(
        (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    // WebhookRequest admits only visible ASCII in headers, so nothing is lost or injected here.
    return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
  }
}

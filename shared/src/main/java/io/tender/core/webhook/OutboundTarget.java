package io.tender.core.webhook;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A merchant URL that passed the SSRF guard, with every address it resolved to, each of them
 * checked. A sender connects only to one of {@code addresses}, never to a fresh resolution of
 * {@code host}, and presents {@code host} in the {@code Host} header, in TLS SNI and for
 * certificate checks.
 *
 * @param https whether to speak TLS
 * @param host the host as the merchant named it, normalised: lowercase DNS name without trailing
 *     dot, or the canonical text of an IP literal (IPv6 without brackets)
 * @param ipLiteral whether {@code host} is an IP address rather than a DNS name (no SNI then)
 * @param port the port, the scheme's default when the URL named none
 * @param requestTarget path and query as they appeared in the URL, {@code /} when empty
 * @param addresses the checked addresses to connect to, in the resolver's order; never empty
 */
public record OutboundTarget(boolean https, String host, boolean ipLiteral, int port,
    String requestTarget, List<InetAddress> addresses) {

  public OutboundTarget {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(requestTarget, "requestTarget");
    addresses = List.copyOf(addresses);
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("a target needs at least one checked address");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (!requestTarget.startsWith("/")) {
      throw new IllegalArgumentException("a request target starts with /");
    }
  }

  /** The {@code Host} header value: the port only when it is not the scheme's default. */
  public String hostHeader() {
    String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == defaultPort(https) ? name : name + ":" + port;
  }

  static int defaultPort(boolean https) {
    return https ? 443 : 80;
  }
}

package io.tender.core.webhook;

import io.tender.core.tenant.Mode;
import io.tender.core.webhook.OutboundUrlVerdict.Allowed;
import io.tender.core.webhook.OutboundUrlVerdict.Refused;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The SSRF guard for every outbound merchant URL, run when a URL is registered and again before
 * every send (the name may have been re-pointed since: DNS rebinding).
 *
 * <p>A URL passes when it is absolute {@code https} ({@code http} too for test-mode endpoints),
 * carries no credentials or fragment, uses port 80, 443 or 1024-65535, and its host is a public
 * IP literal or a DNS name of at least two labels outside the special-use names
 * ({@code localhost}, {@code .local}, {@code .internal}, {@code .home.arpa}) whose every resolved
 * address is {@link IpAddressClass#PUBLIC}. Numeric hosts in any form are read as addresses
 * first ({@link NumericIpv4Host}), so {@code 0x7f.1} is checked as {@code 127.0.0.1}.
 *
 * <p>The only exception is the local demo receiver: a policy made by
 * {@link #allowingLocalDemoReceiver} also passes {@code http://127.0.0.1:<port>/...}, written
 * exactly so, and nothing else on the local host. Only local deployments build it.
 */
public final class OutboundUrlPolicy implements OutboundUrlGuard {
  public static final int MAX_URL_LENGTH = 2048;
  private static final int MAX_HOST_LENGTH = 253;
  private static final int MAX_LABEL_LENGTH = 63;
  private static final int FIRST_UNPRIVILEGED_PORT = 1024;
  private static final String DEMO_RECEIVER_HOST = "127.0.0.1";
  private static final List<String> SPECIAL_USE_NAMES =
      List.of("localhost", "local", "internal", "home.arpa");

  private final HostResolver resolver;
  private final boolean allowLocalDemoReceiver;

  private OutboundUrlPolicy(HostResolver resolver, boolean allowLocalDemoReceiver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.allowLocalDemoReceiver = allowLocalDemoReceiver;
  }

  /** The policy for every deployed environment. */
  public static OutboundUrlPolicy strict(HostResolver resolver) {
    return new OutboundUrlPolicy(resolver, false);
  }

  /** The strict policy plus {@code http://127.0.0.1:<port>} for the local demo receiver. */
  public static OutboundUrlPolicy allowingLocalDemoReceiver(HostResolver resolver) {
    return new OutboundUrlPolicy(resolver, true);
  }

  @Override
  public OutboundUrlVerdict check(String url, Mode mode) {
    Objects.requireNonNull(mode, "mode");
    if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
      return refused(OutboundUrlRefusal.MALFORMED, "empty or longer than " + MAX_URL_LENGTH);
    }
    URI uri;
    try {
      // Re-read in its ASCII form: non-ASCII becomes %XX, which a host name then fails on and
      // a path carries onto the request line as it must.
      uri = new URI(new URI(url).toASCIIString());
    } catch (URISyntaxException e) {
      return refused(OutboundUrlRefusal.MALFORMED, "not a URI");
    }
    if (!uri.isAbsolute()) {
      return refused(OutboundUrlRefusal.MALFORMED, "not an absolute URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return refused(OutboundUrlRefusal.SCHEME_NOT_ALLOWED, "scheme " + scheme);
    }
    if (uri.isOpaque() || uri.getRawAuthority() == null) {
      return refused(OutboundUrlRefusal.MALFORMED, "no host");
    }
    if (uri.getRawFragment() != null) {
      return refused(OutboundUrlRefusal.MALFORMED, "has a fragment");
    }
    String authority = uri.getRawAuthority();
    if (authority.indexOf('@') >= 0) {
      return refused(OutboundUrlRefusal.CREDENTIALS_IN_URL, "user info in authority");
    }
    return checkAuthority(uri, scheme.equals("https"), authority, mode);
  }

  private OutboundUrlVerdict checkAuthority(URI uri, boolean https, String authority, Mode mode) {
    // java.net.URI leaves getHost() null for hosts such as 0x7f.1 or 127.1, so the authority is
    // split here, where every such form is read the same way each time.
    String rawHost;
    String rawPort;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return refused(OutboundUrlRefusal.MALFORMED, "unclosed IPv6 literal");
      }
      rawHost = authority.substring(0, close + 1);
      String rest = authority.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        return refused(OutboundUrlRefusal.MALFORMED, "text after IPv6 literal");
      }
      rawPort = rest.isEmpty() ? "" : rest.substring(1);
    } else {
      int colon = authority.lastIndexOf(':');
      rawHost = colon < 0 ? authority : authority.substring(0, colon);
      rawPort = colon < 0 ? "" : authority.substring(colon + 1);
    }
    OptionalInt port = parsePort(rawPort, https);
    if (port.isEmpty()) {
      return refused(OutboundUrlRefusal.MALFORMED, "port " + rawPort);
    }
    int p = port.getAsInt();
    if (p != 80 && p != 443 && p < FIRST_UNPRIVILEGED_PORT) {
      return refused(OutboundUrlRefusal.PORT_NOT_ALLOWED, "port " + p);
    }
    String requestTarget = requestTarget(uri);

    if (allowLocalDemoReceiver && !https && rawHost.equals(DEMO_RECEIVER_HOST)) {
      return new Allowed(new OutboundTarget(false, DEMO_RECEIVER_HOST, true, p, requestTarget,
          List.of(loopbackV4())));
    }
    if (!https && mode == Mode.LIVE) {
      return refused(OutboundUrlRefusal.SCHEME_NOT_ALLOWED, "http for a live endpoint");
    }
    return checkHost(https, rawHost, p, requestTarget);
  }

  private OutboundUrlVerdict checkHost(
      boolean https, String rawHost, int port, String requestTarget) {
    if (rawHost.startsWith("[")) {
      String literal = rawHost.substring(1, rawHost.length() - 1);
      return checkIpv6Literal(https, literal, port, requestTarget);
    }
    String host = rawHost.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (!isDnsName(host)) {
      return refused(OutboundUrlRefusal.HOST_NOT_ALLOWED, "not a valid host name");
    }
    if (NumericIpv4Host.endsInANumber(host)) {
      OptionalInt numeric = NumericIpv4Host.parse(host);
      if (numeric.isEmpty()) {
        return refused(OutboundUrlRefusal.HOST_NOT_ALLOWED, "numeric but not an IPv4 address");
      }
      InetAddress address = ipv4(numeric.getAsInt());
      return checked(new OutboundTarget(https, address.getHostAddress(), true, port, requestTarget,
          List.of(address)));
    }
    if (!host.contains(".")) {
      // A single label is completed from the resolver's search domains: an internal name.
      return refused(OutboundUrlRefusal.HOST_NOT_ALLOWED, "single-label host " + host);
    }
    for (String special : SPECIAL_USE_NAMES) {
      if (host.equals(special) || host.endsWith("." + special)) {
        return refused(OutboundUrlRefusal.HOST_NOT_ALLOWED, "special-use name " + host);
      }
    }
    List<InetAddress> addresses;
    try {
      addresses = List.copyOf(resolver.resolve(host));
    } catch (UnknownHostException e) {
      addresses = List.of();
    }
    if (addresses.isEmpty()) {
      return refused(OutboundUrlRefusal.UNRESOLVABLE, host + " did not resolve");
    }
    return checked(new OutboundTarget(https, host, false, port, requestTarget, addresses));
  }

  private OutboundUrlVerdict checkIpv6Literal(
      boolean https, String literal, int port, String requestTarget) {
    // Zone ids (%eth0) only make sense for link-local addresses; anything but hex digits, colons
    // and the dots of an embedded IPv4 is refused before parsing.
    if (literal.indexOf(':') < 0
        || !literal.chars().allMatch(OutboundUrlPolicy::isIpv6LiteralChar)) {
      return refused(OutboundUrlRefusal.HOST_NOT_ALLOWED, "not an IPv6 literal");
    }
    InetAddress address;
    try {
      // Bracketed, the JDK parses the text as an IPv6 literal or fails: it never asks DNS.
      address = InetAddress.getByName("[" + literal + "]");
    } catch (UnknownHostException e) {
      return refused(OutboundUrlRefusal.HOST_NOT_ALLOWED, "not an IPv6 literal");
    }
    if (address instanceof Inet4Address) {
      // The JDK turns ::ffff:a.b.c.d into the IPv4 address; the URL used the mapped form.
      return refused(OutboundUrlRefusal.FORBIDDEN_ADDRESS,
          "[" + literal + "] is " + IpAddressClass.IPV4_MAPPED);
    }
    return checked(new OutboundTarget(https, address.getHostAddress(), true, port, requestTarget,
        List.of(address)));
  }

  /** Allowed only when every address is public: one bad answer is enough to refuse. */
  private static OutboundUrlVerdict checked(OutboundTarget target) {
    for (InetAddress address : target.addresses()) {
      IpAddressClass addressClass = IpAddressClassifier.classify(address);
      if (!addressClass.isPublic()) {
        return refused(OutboundUrlRefusal.FORBIDDEN_ADDRESS,
            target.host() + " -> " + address.getHostAddress() + " is " + addressClass);
      }
    }
    return new Allowed(target);
  }

  private static OptionalInt parsePort(String rawPort, boolean https) {
    if (rawPort.isEmpty()) {
      return OptionalInt.of(OutboundTarget.defaultPort(https));
    }
    if (rawPort.length() > 5 || !rawPort.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalInt.empty();
    }
    int port = Integer.parseInt(rawPort);
    return port >= 1 && port <= 65_535 ? OptionalInt.of(port) : OptionalInt.empty();
  }

  private static String requestTarget(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** Letters, digits and inner hyphens, labels of 1-63, 253 in all: ASCII (punycode) only. */
  private static boolean isDnsName(String host) {
    if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
      return false;
    }
    for (String label : host.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH
          || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isIpv6LiteralChar(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
        || c == ':' || c == '.';
  }

  private static InetAddress ipv4(int address) {
    byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8),
        (byte) address};
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  private static InetAddress loopbackV4() {
    return ipv4(0x7f00_0001);
  }

  private static Refused refused(OutboundUrlRefusal reason, String detail) {
    return new Refused(reason, detail);
  }
}

package io.tender.core.webhook;

/** What an IP address is, as far as sending a merchant's webhook to it is concerned. */
public enum IpAddressClass {
  /** Globally routable unicast: the only class a webhook may be sent to. */
  PUBLIC,
  /** {@code 0.0.0.0}, {@code ::}: many stacks connect these to the local host. */
  UNSPECIFIED,
  /** {@code 127.0.0.0/8}, {@code ::1}. */
  LOOPBACK,
  /** RFC 1918 {@code 10/8}, {@code 172.16/12}, {@code 192.168/16}; site-local {@code fec0::/10}. */
  PRIVATE,
  /** {@code 169.254/16} (the cloud metadata address lives here), {@code fe80::/10}. */
  LINK_LOCAL,
  /** Carrier-grade NAT {@code 100.64/10}: shared, never the merchant's alone. */
  SHARED_ADDRESS_SPACE,
  /** {@code 224/4}, {@code ff00::/8}. */
  MULTICAST,
  /** {@code 255.255.255.255}. */
  BROADCAST,
  /** IPv6 unique local {@code fc00::/7}, the IPv6 counterpart of private addresses. */
  UNIQUE_LOCAL,
  /** {@code ::ffff:0:0/96}: an IPv4 address in IPv6 form, a classic way around IPv4 checks. */
  IPV4_MAPPED,
  /** {@code ::/96} (deprecated IPv4-compatible form), same concern as {@link #IPV4_MAPPED}. */
  IPV4_COMPATIBLE,
  /**
   * {@code 192.0.2/24}, {@code 198.51.100/24}, {@code 203.0.113/24}, {@code 2001:db8::/32},
   * {@code 3fff::/20}.
   */
  DOCUMENTATION,
  /** {@code 198.18/15}, {@code 2001:2::/48}. */
  BENCHMARKING,
  /**
   * Special-purpose space no merchant endpoint lives in: {@code 0/8}, {@code 192.0.0/24},
   * {@code 192.88.99/24}, {@code 240/4}, {@code 100::/64}, {@code 64:ff9b:1::/48},
   * {@code 2001::/23} (Teredo and other tunnels included), and any IPv6 outside {@code 2000::/3}.
   */
  RESERVED;

  public boolean isPublic() {
    return this == PUBLIC;
  }
}

package io.tender.core.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Classifies IP addresses for the SSRF guard. IPv6 forms that carry an IPv4 address a router
 * will translate and deliver (NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) take the class
 * of the IPv4 address inside; everything else outside global unicast {@code 2000::/3} is refused.
 */
public final class IpAddressClassifier {

  private record Ipv4Range(int network, int prefixLength, IpAddressClass addressClass) {
    boolean contains(int address) {
      int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
      return (address & mask) == network;
    }
  }

  /** Most specific first where ranges nest; the first match wins. */
  private static final List<Ipv4Range> IPV4_RANGES = List.of(
      v4(0, 0, 0, 0, 32, IpAddressClass.UNSPECIFIED),
      v4(255, 255, 255, 255, 32, IpAddressClass.BROADCAST),
      v4(0, 0, 0, 0, 8, IpAddressClass.RESERVED),
      v4(10, 0, 0, 0, 8, IpAddressClass.PRIVATE),
      v4(100, 64, 0, 0, 10, IpAddressClass.SHARED_ADDRESS_SPACE),
      v4(127, 0, 0, 0, 8, IpAddressClass.LOOPBACK),
      v4(169, 254, 0, 0, 16, IpAddressClass.LINK_LOCAL),
      v4(172, 16, 0, 0, 12, IpAddressClass.PRIVATE),
      v4(192, 0, 0, 0, 24, IpAddressClass.RESERVED),
      v4(192, 0, 2, 0, 24, IpAddressClass.DOCUMENTATION),
      v4(192, 88, 99, 0, 24, IpAddressClass.RESERVED),
      v4(192, 168, 0, 0, 16, IpAddressClass.PRIVATE),
      v4(198, 18, 0, 0, 15, IpAddressClass.BENCHMARKING),
      v4(198, 51, 100, 0, 24, IpAddressClass.DOCUMENTATION),
      v4(203, 0, 113, 0, 24, IpAddressClass.DOCUMENTATION),
      v4(224, 0, 0, 0, 4, IpAddressClass.MULTICAST),
      v4(240, 0, 0, 0, 4, IpAddressClass.RESERVED));

  private IpAddressClassifier() {}

  public static IpAddressClass classify(InetAddress address) {
    byte[] bytes = address.getAddress();
    return address instanceof Inet4Address ? classifyIpv4(toInt(bytes, 0)) : classifyIpv6(bytes);
  }

  static IpAddressClass classifyIpv4(int address) {
    for (Ipv4Range range : IPV4_RANGES) {
      if (range.contains(address)) {
        return range.addressClass();
      }
    }
    return IpAddressClass.PUBLIC;
  }

  private static IpAddressClass classifyIpv6(byte[] a) {
    int first16 = u16(a, 0);
    if (allZero(a, 0, 10)) {
      if (u16(a, 10) == 0xffff) {
        return IpAddressClass.IPV4_MAPPED;
      }
      if (u16(a, 10) == 0 && allZero(a, 12, 15)) {
        int last = a[15] & 0xff;
        return last == 0 ? IpAddressClass.UNSPECIFIED
            : last == 1 ? IpAddressClass.LOOPBACK : IpAddressClass.IPV4_COMPATIBLE;
      }
      if (u16(a, 10) == 0) {
        return IpAddressClass.IPV4_COMPATIBLE;
      }
      return IpAddressClass.RESERVED;
    }
    if ((first16 & 0xfe00) == 0xfc00) {
      return IpAddressClass.UNIQUE_LOCAL;
    }
    if ((first16 & 0xffc0) == 0xfe80) {
      return IpAddressClass.LINK_LOCAL;
    }
    if ((first16 & 0xffc0) == 0xfec0) {
      return IpAddressClass.PRIVATE;
    }
    if ((first16 & 0xff00) == 0xff00) {
      return IpAddressClass.MULTICAST;
    }
    if (first16 == 0x0064 && u16(a, 2) == 0xff9b) {
      // 64:ff9b::/96 is the well-known NAT64 prefix: the gateway delivers to the embedded IPv4.
      // 64:ff9b:1::/48 is for local NAT64 deployments, which only ever front internal networks.
      return allZero(a, 4, 12) ? classifyIpv4(toInt(a, 12)) : IpAddressClass.RESERVED;
    }
    if ((first16 & 0xe000) != 0x2000) {
      return IpAddressClass.RESERVED;
    }
    if (first16 == 0x2002) {
      // 6to4: the relay forwards to the IPv4 address in bits 16-47.
      return classifyIpv4(toInt(a, 2));
    }
    if (first16 == 0x2001 && (a[2] & 0xfe) == 0) {
      return u16(a, 2) == 0x0002 && u16(a, 4) == 0
          ? IpAddressClass.BENCHMARKING : IpAddressClass.RESERVED;
    }
    if (first16 == 0x2001 && u16(a, 2) == 0x0db8) {
      return IpAddressClass.DOCUMENTATION;
    }
    if (first16 == 0x3fff && (a[2] & 0xf0) == 0) {
      return IpAddressClass.DOCUMENTATION;
    }
    return IpAddressClass.PUBLIC;
  }

  private static Ipv4Range v4(int a, int b, int c, int d, int prefixLength, IpAddressClass type) {
    return new Ipv4Range((a << 24) | (b << 16) | (c << 8) | d, prefixLength, type);
  }

  private static int toInt(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
        | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
  }

  private static int u16(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
  }

  /** Bytes {@code from} to {@code to}, exclusive, are all zero. */
  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}

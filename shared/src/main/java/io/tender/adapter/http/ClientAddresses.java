package io.tender.adapter.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Client addresses as Tender keeps them: shortened to the network (IPv4 /24, IPv6 /48), enough to
 * see where activity came from without keeping a person's full address for years.
 */
public final class ClientAddresses {
  private ClientAddresses() {}

  public static String truncated(String address) {
    if (address == null || address.isBlank()) {
      return null;
    }
    if (!address.matches("[0-9A-Fa-f:.]+")) {
      return null; // not an address: keep nothing rather than something unexpected
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      int keep = bytes.length == 4 ? 3 : 6;
      for (int i = keep; i < bytes.length; i++) {
        bytes[i] = 0;
      }
      return InetAddress.getByAddress(bytes).getHostAddress() + (bytes.length == 4 ? "/24" : "/48");
    } catch (UnknownHostException e) {
      return null;
    }
  }
}

package io.tender.core.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a DNS name into the addresses it points at. Production asks the system resolver; tests
 * answer whatever they need (loopback, a mix of public and private, a different answer each call).
 */
@FunctionalInterface
public interface HostResolver {

  /**
   * Every address {@code hostname} resolves to right now. {@code hostname} is already lowercased,
   * has no trailing dot and is never an IP literal.
   *
   * @throws UnknownHostException when the name resolves to nothing
   */
  List<InetAddress> resolve(String hostname) throws UnknownHostException;
}

package io.tender.core.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers from a table of IP literals; records every name asked. Never touches real DNS. */
public final class FakeResolver implements HostResolver {
  private final Map<String, List<InetAddress>> answers = new HashMap<>();
  private final List<String> asked = new ArrayList<>();

  /** {@code host} resolves to {@code literals} from now on. */
  public FakeResolver answer(String host, String... literals) {
    List<InetAddress> addresses = new ArrayList<>();
    for (String literal : literals) {
      addresses.add(address(literal));
    }
    answers.put(host, List.copyOf(addresses));
    return this;
  }

  /** {@code literal} as an address, without a lookup (literals never trigger one). */
  public static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + literal, e);
    }
  }

  public synchronized List<String> asked() {
    return List.copyOf(asked);
  }

  @Override
  public synchronized List<InetAddress> resolve(String hostname) throws UnknownHostException {
    asked.add(hostname);
    List<InetAddress> addresses = answers.get(hostname);
    if (addresses == null) {
      throw new UnknownHostException(hostname);
    }
    return addresses;
  }
}

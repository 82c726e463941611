package io.tender.core.tenant;

import io.tender.core.webhook.NumericIpv4Host;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Whether a URL's host is one the operator approved for a tenant: an approved name or a
 * sub-domain of one. An IP address matches only an approval of that exact address as written (the
 * local demo receiver's {@code 127.0.0.1}), so that approving {@code 0.1} or {@code 1} never lets
 * in every address ending so; IPv6 literals match no approval.
 */
public final class ApprovedDomains {
  private ApprovedDomains() {}

  public static boolean approves(List<String> domains, String host) {
    if (host == null) {
      return false;
    }
    String lower = host.toLowerCase(Locale.ROOT);
    String bare = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    if (bare.isEmpty() || bare.startsWith("[")) {
      return false;
    }
    if (NumericIpv4Host.endsInANumber(bare)) {
      return domains.contains(bare);
    }
    return domains.stream().anyMatch(domain -> bare.equals(domain) || bare.endsWith("." + domain));
  }

  /** {@link #approves} for a URL's host; false for a URL that is not absolute. */
  public static boolean approvesUrl(List<String> domains, String url) {
    try {
      return url != null && approves(domains, URI.create(url).getHost());
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }
}

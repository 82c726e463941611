package io.tender.core.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A merchant business. {@code approvedDomains} are the hosts its outbound URLs (webhooks,
 * redirects) may point at, approved by an operator; {@code rateLimits} replaces default limits
 * by name (requests per the limit's own window).
 */
public record Tenant(String id, String name, List<String> approvedDomains, Map<String, Integer> rateLimits,
    Instant createdAt) {
  private static final String HOST = "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*";

  public Tenant {
    if (id == null || !id.matches("ten_[0-9a-z]{4,40}")) {
      throw new IllegalArgumentException("a tenant id is ten_ followed by 4 to 40 lower-case letters or digits");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("a tenant name is 1 to 200 characters");
    }
    approvedDomains = approvedDomains(approvedDomains);
    rateLimits = Map.copyOf(rateLimits);
  }

  public Tenant(String id, String name, List<String> approvedDomains, Instant createdAt) {
    this(id, name, approvedDomains, Map.of(), createdAt);
  }

  /** Host names only (no scheme, port or path), lower-cased, without repeats. */
  public static List<String> approvedDomains(List<String> domains) {
    return domains.stream()
        .map(domain -> Objects.requireNonNull(domain, "an approved domain cannot be null"))
        .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
        .peek(domain -> {
          if (!domain.matches(HOST)) {
            throw new IllegalArgumentException("not a host name: " + domain);
          }
        })
        .distinct()
        .toList();
  }
}

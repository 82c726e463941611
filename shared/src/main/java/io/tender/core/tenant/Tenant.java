package io.tender.core.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A merchant business. {@code approvedDomains} are the hosts its outbound URLs (webhooks,
 * redirects) may point at, approved by an operator.
 */
public record Tenant(String id, String name, List<String> approvedDomains, Instant createdAt) {
  public Tenant {
    if (id == null || !id.matches("ten_[0-9a-z]{4,40}")) {
      throw new IllegalArgumentException("a tenant id is ten_ followed by 4 to 40 lower-case letters or digits");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("a tenant name is 1 to 200 characters");
    }
    approvedDomains = approvedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).distinct().toList();
  }
}

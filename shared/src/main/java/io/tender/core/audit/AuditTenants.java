package io.tender.core.audit;

import java.util.regex.Pattern;

/** The tenant ids the audit log accepts: they become part of storage keys, so no separators. */
public final class AuditTenants {
  private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  private AuditTenants() {}

  public static String require(String tenantId) {
    if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
      throw new IllegalArgumentException("a tenant id is 1 to 128 of [A-Za-z0-9_.-]: " + tenantId);
    }
    return tenantId;
  }
}

package io.tender.core.checkout;

import io.tender.core.tenant.ApprovedDomains;
import io.tender.core.tenant.Tenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a live payment may send its payer back to: https, on one of the tenant's approved domains
 * (DESIGN rule 8), so a stolen key cannot turn Tender's hosted pages into a phishing relay. Test
 * mode takes any http(s) URL, for development.
 */
public final class LiveRedirects {
  static final String MESSAGE = "Live payments redirect over https to one of your approved domains.";

  private LiveRedirects() {}

  /** A payment's {@code successUrl} and {@code cancelUrl} that a live payment may not use, each with its message. */
  public static Map<String, List<String>> errors(Tenant tenant, String successUrl, String cancelUrl) {
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("successUrl", successUrl);
    urls.put("cancelUrl", cancelUrl);
    return errors(tenant, urls);
  }

  private static Map<String, List<String>> errors(Tenant tenant, Map<String, String> urlsByField) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    urlsByField.forEach((field, url) -> {
      if (url != null && !(url.startsWith("https://") && ApprovedDomains.approvesUrl(tenant.approvedDomains(), url))) {
        errors.put(field, List.of(MESSAGE));
      }
    });
    return errors;
  }
}

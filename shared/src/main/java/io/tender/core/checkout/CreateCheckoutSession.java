package io.tender.core.checkout;

import io.tender.core.error.ApiException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A merchant's checkout request as sent (seed shape: amount in minor units, currency, reference,
 * methodTypes, successUrl, cancelUrl). Validates itself: every problem is reported by field.
 */
public record CreateCheckoutSession(Long amount, String currency, String reference, List<String> methodTypes,
    String successUrl, String cancelUrl) {

  private static final int MAX_REFERENCE = 128;

  public CreateCheckoutSession {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (amount == null) {
      errors.put("amount", List.of("The amount field is required (minor units, e.g. 10000 for 100.00 USD)."));
    }
    if (currency == null || currency.isBlank()) {
      errors.put("currency", List.of("The currency field is required."));
    }
    if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE
        || reference.chars().anyMatch(Character::isISOControl)) {
      errors.put("reference", List.of("The reference is 1 to " + MAX_REFERENCE + " printable characters."));
    }
    List<String> types = methodTypes == null || methodTypes.isEmpty() ? List.of("card") : methodTypes;
    if (types.size() > 10 || types.stream().anyMatch(t -> t == null || !t.matches("[a-z_]{1,32}"))) {
      errors.put("methodTypes", List.of("methodTypes lists up to 10 payment method names such as \"card\"."));
    }
    checkUrl("successUrl", successUrl, errors);
    checkUrl("cancelUrl", cancelUrl, errors);
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    methodTypes = new ArrayList<>(types);
  }

  private static void checkUrl(String field, String url, Map<String, List<String>> errors) {
    try {
      URI uri = url == null ? null : new URI(url);
      if (uri != null && uri.isAbsolute() && uri.getHost() != null && url.length() <= 2048
          && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        return;
      }
    } catch (java.net.URISyntaxException ignored) {
      // reported below
    }
    errors.put(field, List.of("The " + field + " must be an absolute http(s) URL."));
  }
}

package io.tender.core.refund;

import io.tender.core.error.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A merchant's refund request as sent (seed shape: paymentId, amount in minor units, reason). */
public record CreateRefund(String paymentId, Long amount, String reason) {
  public CreateRefund {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (paymentId == null || paymentId.isBlank()) {
      errors.put("paymentId", List.of("The paymentId field is required."));
    }
    if (amount == null) {
      errors.put("amount", List.of("The amount field is required (minor units)."));
    }
    if (reason != null && (reason.length() > 200 || reason.chars().anyMatch(Character::isISOControl))) {
      errors.put("reason", List.of("The reason is at most 200 printable characters."));
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
  }
}

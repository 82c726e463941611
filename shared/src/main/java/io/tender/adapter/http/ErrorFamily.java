package io.tender.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.adapter.json.Json;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;

/**
 * The error shapes of Tender's route families. Each family keeps the shape its merchants were
 * promised; one exception type feeds them all.
 */
public enum ErrorFamily {
  /** The platform and card-payment routes: {@code {"error": "...", "code": "..."}}. */
  PLATFORM {
    @Override
    ObjectNode body(ApiException e) {
      ObjectNode body = Json.object();
      body.put("error", e.getMessage());
      body.put("code", e.code().wire());
      e.retryAfterSeconds().ifPresent(seconds -> body.put("retryAfter", seconds));
      if (!e.fieldErrors().isEmpty()) {
        body.set("errors", Json.mapper().valueToTree(e.fieldErrors()));
      }
      return body;
    }
  },
  /** The bank-transfer routes: {@code {"success": false, "message": "...", "errors": {...}}}. */
  BANK_TRANSFER {
    @Override
    ObjectNode body(ApiException e) {
      ObjectNode body = Json.object();
      body.put("success", false);
      body.put("message", e.code() == ErrorCode.RATE_LIMIT_EXCEEDED
          ? "Too many requests. Please try again later." : e.getMessage());
      if (!e.fieldErrors().isEmpty()) {
        body.set("errors", Json.mapper().valueToTree(e.fieldErrors()));
      }
      return body;
    }
  },
  /** The bank-QR and virtual-card routes: {@code {"success": false, "error": "...", "message": "..."}}. */
  AGENT_PAY {
    @Override
    ObjectNode body(ApiException e) {
      ObjectNode body = Json.object();
      body.put("success", false);
      body.put("error", title(e.code()));
      body.put("message", e.getMessage());
      return body;
    }
  };

  abstract ObjectNode body(ApiException e);

  /**
   * The status the family answers with. The platform routes answer bad input with 400, as their
   * published error table does; field errors still say which field.
   */
  public int status(ApiException e) {
    return this == PLATFORM && e.code() == ErrorCode.VALIDATION_FAILED ? 400 : e.status();
  }

  private static String title(ErrorCode code) {
    return switch (code) {
      case INVALID_AMOUNT -> "Invalid amount";
      case VALIDATION_FAILED, INVALID_REQUEST, PAYLOAD_TOO_LARGE -> "Invalid request";
      case UNAUTHENTICATED, MFA_CHALLENGE_REQUIRED -> "Unauthorized";
      case INSUFFICIENT_PERMISSIONS, TENANT_MISMATCH, DOMAIN_NOT_APPROVED -> "Forbidden";
      case RESOURCE_NOT_FOUND -> "Not found";
      case IDEMPOTENCY_KEY_IN_USE, IDEMPOTENCY_ERROR -> "Idempotency conflict";
      case CONFLICT, PAYMENT_LINK_INACTIVE -> "Conflict";
      case PAYMENT_LINK_EXPIRED, PAYMENT_LINK_USAGE_LIMIT_REACHED -> "Gone";
      case REFUND_NOT_ALLOWED -> "Refund not allowed";
      case NO_WEBHOOK_ENDPOINT -> "No webhook endpoint";
      case RATE_LIMIT_EXCEEDED -> "Too many requests";
      case INTERNAL_ERROR -> "Internal error";
      case PROVIDER_UNAVAILABLE -> "Provider unavailable";
      case PROVIDER_ERROR -> "Provider error";
    };
  }
}

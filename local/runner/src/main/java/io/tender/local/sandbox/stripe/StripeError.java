package io.tender.local.sandbox.stripe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An answer in Stripe's error shape: {@code {"error":{"type":..,"code":..,"message":..,"param":..}}}. */
final class StripeError extends RuntimeException {
  final int status;
  final String type;
  final String code;
  final String param;

  StripeError(int status, String type, String code, String param, String message) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
  }

  static StripeError invalidRequest(String param, String message) {
    return new StripeError(400, "invalid_request_error", null, param, message);
  }

  static StripeError invalidRequest(String code, String param, String message) {
    return new StripeError(400, "invalid_request_error", code, param, message);
  }

  static StripeError missing(String param) {
    return new StripeError(404, "invalid_request_error", "resource_missing", "id", "No such " + param);
  }

  ObjectNode toJson() {
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put("type", type);
    if (code != null) {
      error.put("code", code);
    }
    error.put("message", getMessage());
    if (param != null) {
      error.put("param", param);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("error", error);
    return body;
  }
}

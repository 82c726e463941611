package io.tender.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.adapter.json.Json;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each route family answers refusals in the shape its merchants were promised. */
class ErrorFamilyTest {

  @Test
  void platformRoutesAnswerErrorAndCode() throws Exception {
    assertThat(render(ErrorFamily.PLATFORM, ApiException.mfaRequired()))
        .isEqualTo(Json.mapper().readTree("{\"error\":\"MFA required\",\"code\":\"MFA_CHALLENGE_REQUIRED\"}"));
    assertThat(render(ErrorFamily.PLATFORM, ApiException.missingPermission("refunds:create")))
        .isEqualTo(Json.mapper().readTree(
            "{\"error\":\"Missing refunds:create permission\",\"code\":\"INSUFFICIENT_PERMISSIONS\"}"));
    assertThat(render(ErrorFamily.PLATFORM, ApiException.rateLimited(60)))
        .isEqualTo(Json.mapper().readTree(
            "{\"error\":\"Rate limit exceeded\",\"code\":\"RATE_LIMIT_EXCEEDED\",\"retryAfter\":60}"));
    assertThat(render(ErrorFamily.PLATFORM, ApiException.notFound("Payment")))
        .isEqualTo(Json.mapper().readTree("{\"error\":\"Payment not found\",\"code\":\"RESOURCE_NOT_FOUND\"}"));
  }

  @Test
  void idempotencyCodesKeepTheirLowerCaseNames() {
    assertThat(render(ErrorFamily.PLATFORM, ApiException.of(ErrorCode.IDEMPOTENCY_ERROR, "x")).path("code").asText())
        .isEqualTo("idempotency_error");
    assertThat(render(ErrorFamily.PLATFORM, ApiException.of(ErrorCode.IDEMPOTENCY_KEY_IN_USE, "x")).path("code")
        .asText()).isEqualTo("idempotency_key_in_use");
    assertThat(ErrorCode.IDEMPOTENCY_ERROR.status()).isEqualTo(422);
    assertThat(ErrorCode.IDEMPOTENCY_KEY_IN_USE.status()).isEqualTo(409);
  }

  @Test
  void bankTransferRoutesAnswerSuccessFalseMessageAndFieldErrors() throws Exception {
    ApiException invalid = ApiException.validation(Map.of(
        "amount", List.of("The amount must be at least 0.01."),
        "name", List.of("The name field is required.")));

    assertThat(render(ErrorFamily.BANK_TRANSFER, invalid)).isEqualTo(Json.mapper().readTree("""
        {"success":false,"message":"The given data was invalid.",
         "errors":{"amount":["The amount must be at least 0.01."],"name":["The name field is required."]}}"""));
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(render(ErrorFamily.BANK_TRANSFER, ApiException.unauthenticated()))
        .isEqualTo(Json.mapper().readTree("{\"success\":false,\"message\":\"Invalid or inactive API key\"}"));
    assertThat(render(ErrorFamily.BANK_TRANSFER, ApiException.rateLimited(30)))
        .isEqualTo(Json.mapper().readTree(
            "{\"success\":false,\"message\":\"Too many requests. Please try again later.\"}"));
  }

  @Test
  void agentPayRoutesAnswerSuccessFalseErrorAndMessage() throws Exception {
    assertThat(render(ErrorFamily.AGENT_PAY, ApiException.of(ErrorCode.INVALID_AMOUNT, "Amount must be greater than 0")))
        .isEqualTo(Json.mapper().readTree(
            "{\"success\":false,\"error\":\"Invalid amount\",\"message\":\"Amount must be greater than 0\"}"));
  }

  @Test
  void everyCodeHasATitleInEveryFamily() {
    for (ErrorCode code : ErrorCode.values()) {
      for (ErrorFamily family : ErrorFamily.values()) {
        JsonNode body = render(family, ApiException.of(code, "m"));
        assertThat(body.toString()).doesNotContain("null");
      }
    }
  }

  /** As a client reads it: the JSON text, parsed. */
  private static JsonNode render(ErrorFamily family, ApiException e) {
    try {
      return Json.mapper().readTree(family.body(e).toString());
    } catch (java.io.IOException io) {
      throw new AssertionError(io);
    }
  }
}

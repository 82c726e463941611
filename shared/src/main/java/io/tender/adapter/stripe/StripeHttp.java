package io.tender.adapter.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.core.provider.ProviderConfigurationException;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.ProviderRefusedException.Refusal;
import io.tender.core.provider.ProviderUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Stripe's HTTP conventions: bearer secret key, pinned {@code Stripe-Version}, form bodies,
 * {@code Idempotency-Key} on POSTs, JSON answers, and errors sorted into unknown (timeout, 5xx,
 * 429, 409 key in use), configuration (401/403) and refusal (other 4xx). The secret key is read
 * from its supplier on every call, so a rotated key is picked up, and it never reaches a message.
 */
final class StripeHttp {
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  /** Anything shaped like a Stripe secret or restricted key, in case one is echoed back. */
  private static final Pattern KEY_SHAPED = Pattern.compile("\\b(sk|rk)_(test|live)_[A-Za-z0-9*]+");

  private final HttpClient client;
  private final StripeSettings settings;
  private final Supplier<String> secretKey;

  StripeHttp(HttpClient client, StripeSettings settings, Supplier<String> secretKey) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
  }

  JsonNode post(String path, StripeForm form, String idempotencyKey) {
    HttpRequest.Builder request = request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.encode()));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request, "POST " + path);
  }

  JsonNode get(String path) {
    return send(request(path).GET(), "GET " + path);
  }

  private HttpRequest.Builder request(String path) {
    String key = secretKey.get();
    if (key == null || key.isBlank()) {
      throw new ProviderConfigurationException(StripeConnector.PROVIDER,
          "No Stripe secret key is configured");
    }
    return HttpRequest.newBuilder(resolve(path))
        .timeout(settings.requestTimeout())
        .header("Authorization", "Bearer " + key)
        .header("Stripe-Version", StripeConnector.API_VERSION)
        .header("Accept", "application/json");
  }

  private URI resolve(String path) {
    String base = settings.baseUrl().toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
  }

  private JsonNode send(HttpRequest.Builder builder, String call) {
    HttpResponse<String> response;
    try {
      response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw unknown(call + " got no answer in time; it may have taken effect", e);
    } catch (IOException e) {
      throw unknown(call + " failed in transit (" + e.getClass().getSimpleName()
          + "); it may have taken effect", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unknown(call + " was interrupted; it may have taken effect", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return parse(response.body(), call);
    }
    throw failure(status, parseError(response.body()), call);
  }

  private RuntimeException failure(int status, JsonNode error, String call) {
    String type = StripeJson.text(error, "type");
    String code = StripeJson.text(error, "code");
    if (status == 401 || status == 403) {
      // Stripe's own message echoes part of the key; ours names only the fault.
      return new ProviderConfigurationException(StripeConnector.PROVIDER, "Stripe refused "
          + call + " with " + status + (code == null ? "" : " " + code)
          + ": the configured secret key is wrong, revoked or lacks permission");
    }
    if (status == 409 || status == 429 || status >= 500) {
      return unknown(call + " answered " + status + (code == null ? "" : " " + code)
          + "; it may have taken effect", null);
    }
    String message = redact(StripeJson.text(error, "message"));
    return new ProviderRefusedException(StripeConnector.PROVIDER, refusal(status, type, code),
        code, "Stripe refused " + call + " with " + status
            + (message == null ? "" : ": " + message));
  }

  /** Stripe's error codes, sorted into what a merchant can be told. */
  private static Refusal refusal(int status, String type, String code) {
    if ("idempotency_error".equals(type)) {
      return Refusal.IDEMPOTENCY_CONFLICT;
    }
    return switch (code == null ? "" : code) {
      case "amount_too_large" -> Refusal.AMOUNT_TOO_LARGE;
      case "amount_too_small" -> Refusal.AMOUNT_TOO_SMALL;
      case "charge_already_refunded" -> Refusal.ALREADY_REFUNDED;
      case "checkout_session_not_open" -> Refusal.CHECKOUT_NOT_OPEN;
      case "resource_missing" -> Refusal.NOT_FOUND;
      default -> status == 404 ? Refusal.NOT_FOUND : Refusal.INVALID_REQUEST;
    };
  }

  private static JsonNode parse(String body, String call) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw unknown(call + " answered something other than a JSON object", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw unknown(call + " answered unreadable JSON", null);
    }
  }

  /** The {@code error} object of a Stripe error body, or an empty one when there is none. */
  private static JsonNode parseError(String body) {
    try {
      JsonNode node = JSON.readTree(body == null ? "" : body);
      JsonNode error = node == null ? null : node.get("error");
      return error != null && error.isObject() ? error : JSON.createObjectNode();
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }

  private String redact(String text) {
    if (text == null) {
      return null;
    }
    String key = secretKey.get();
    String redacted = key == null || key.isBlank() ? text : text.replace(key, "[secret key]");
    return KEY_SHAPED.matcher(redacted).replaceAll("[secret key]");
  }

  private static ProviderUnavailableException unknown(String message, Throwable cause) {
    return new ProviderUnavailableException(StripeConnector.PROVIDER, "Stripe " + message, cause);
  }
}

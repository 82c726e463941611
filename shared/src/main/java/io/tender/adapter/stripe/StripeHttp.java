package io.tender.adapter.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tender.adapter.json.Json;
import io.tender.core.provider.ProviderConfigurationException;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.ProviderRefusedException.Refusal;
import io.tender.core.provider.ProviderUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Stripe's HTTP conventions: bearer secret key, pinned {@code Stripe-Version}, form bodies,
 * {@code Idempotency-Key} on POSTs, JSON answers, and errors sorted into unknown (timeout, 5xx,
 * 429, 409 key in use), configuration (401/403) and refusal (other 4xx). The secret key is read
 * from its supplier on every call, so a rotated key is picked up, and it never reaches a message.
 *
 * <p>Requests go through the AWS SDK's HTTP client interface, on the same url-connection stack
 * the AWS clients use, so that calling Stripe loads no second HTTP implementation.
 */
final class StripeHttp {
  /** Far more than any object this connector reads (a few KB); a longer answer is not one of them. */
  static final int MAX_ANSWER_BYTES = 1 << 20;

  /** Anything shaped like a Stripe secret or restricted key, in case one is echoed back. */
  private static final Pattern KEY_SHAPED = Pattern.compile("\\b(sk|rk)_(test|live)_[A-Za-z0-9*]+");

  private final SdkHttpClient client;
  private final StripeSettings settings;
  private final Supplier<String> secretKey;

  StripeHttp(SdkHttpClient client, StripeSettings settings, Supplier<String> secretKey) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
  }

  JsonNode post(String path, StripeForm form, String idempotencyKey) {
    byte[] body = form.encode().getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest.Builder request = request(SdkHttpMethod.POST, path)
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        // A known length streams the body as is, and HttpURLConnection never resends a streamed POST on
        // its own (a 401 to one arrives without its body, which a configuration error does not need).
        .putHeader("Content-Length", Integer.toString(body.length));
    if (idempotencyKey != null) {
      request.putHeader("Idempotency-Key", idempotencyKey);
    }
    return send(request.build(), ContentStreamProvider.fromByteArrayUnsafe(body), "POST " + path);
  }

  JsonNode get(String path) {
    return send(request(SdkHttpMethod.GET, path).build(), null, "GET " + path);
  }

  private SdkHttpFullRequest.Builder request(SdkHttpMethod method, String path) {
    String key = secretKey.get();
    if (key == null || key.isBlank()) {
      throw new ProviderConfigurationException(StripeConnector.PROVIDER,
          "No Stripe secret key is configured");
    }
    return SdkHttpFullRequest.builder()
        .method(method)
        .uri(resolve(path))
        .putHeader("Authorization", "Bearer " + key)
        .putHeader("Stripe-Version", StripeConnector.API_VERSION)
        .putHeader("Accept", "application/json");
  }

  private URI resolve(String path) {
    String base = settings.baseUrl().toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
  }

  private JsonNode send(SdkHttpFullRequest request, ContentStreamProvider body, String call) {
    int status;
    byte[] answer;
    try {
      HttpExecuteResponse response = client.prepareRequest(HttpExecuteRequest.builder()
          .request(request)
          .contentStreamProvider(body)
          .build()).call();
      status = response.httpResponse().statusCode();
      answer = read(response.responseBody());
    } catch (IOException e) {
      throw inTransit(e, call);
    } catch (UncheckedIOException e) {
      throw inTransit(e.getCause(), call);
    }
    if (status >= 200 && status < 300) {
      if (answer == null) {
        throw unknown(call + " answered more than " + MAX_ANSWER_BYTES + " bytes", null);
      }
      return parse(answer, call);
    }
    throw failure(status, parseError(answer), call);
  }

  /** The whole answer, or null when it is longer than {@link #MAX_ANSWER_BYTES}. */
  private static byte[] read(Optional<AbortableInputStream> body) throws IOException {
    if (body.isEmpty()) {
      return new byte[0];
    }
    try (InputStream in = body.get()) {
      byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
      return bytes.length > MAX_ANSWER_BYTES ? null : bytes;
    }
  }

  private static ProviderUnavailableException inTransit(IOException e, String call) {
    if (e instanceof SocketTimeoutException) {
      return unknown(call + " got no answer in time; it may have taken effect", e);
    }
    return unknown(call + " failed in transit (" + e.getClass().getSimpleName()
        + "); it may have taken effect", e);
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

  private static JsonNode parse(byte[] body, String call) {
    try {
      JsonNode node = Json.readTree(body);
      if (node == null || !node.isObject()) {
        throw unknown(call + " answered something other than a JSON object", null);
      }
      return node;
    } catch (IOException e) {
      throw unknown(call + " answered unreadable JSON", null);
    }
  }

  /** The {@code error} object of a Stripe error body, or an empty one when there is none. */
  private static JsonNode parseError(byte[] body) {
    if (body == null || body.length == 0) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      JsonNode node = Json.readTree(body);
      JsonNode error = node == null ? null : node.get("error");
      return error != null && error.isObject() ? error : JsonNodeFactory.instance.objectNode();
    } catch (IOException e) {
      return JsonNodeFactory.instance.objectNode();
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

package io.tender.local.sandbox.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Stripe's Idempotency-Key rules: the first response is kept (24 h) and replayed for the same
 * key and parameters; other parameters under the key are an {@code idempotency_error}; a request
 * arriving while one under the key still runs is 409 {@code idempotency_key_in_use}; a request
 * that fails validation saves nothing, so it can be corrected and retried under the same key.
 */
final class IdempotencyKeys {
  static final int MAX_KEY_LENGTH = 255;
  private static final Duration RETENTION = Duration.ofHours(24);

  private record Entry(String request, JsonNode params, Instant at, ApiResponse response) {}

  /** What to do with a request that carries a key. */
  sealed interface Claim {}

  record Execute() implements Claim {}

  record Replay(ApiResponse response) implements Claim {}

  private final Clock clock;
  private final Map<String, Entry> entries = new HashMap<>();

  IdempotencyKeys(Clock clock) {
    this.clock = clock;
  }

  /** {@code request} names the method and path, which are part of what must match. */
  synchronized Claim claim(String key, String request, JsonNode params) {
    if (key.length() > MAX_KEY_LENGTH) {
      throw StripeError.invalidRequest("idempotency_key",
          "Idempotency-Key is too long: keys are up to 255 characters.");
    }
    Instant now = clock.instant();
    Entry entry = entries.get(key);
    if (entry != null && now.isAfter(entry.at().plus(RETENTION))) {
      entries.remove(key);
      entry = null;
    }
    if (entry == null) {
      entries.put(key, new Entry(request, params, now, null));
      return new Execute();
    }
    if (!entry.request().equals(request) || !entry.params().equals(params)) {
      throw new StripeError(400, "idempotency_error", null, null,
          "Keys for idempotent requests can only be used with the same parameters they were first"
              + " used with. Try using a key other than '" + key + "' if you meant to execute a"
              + " different request.");
    }
    if (entry.response() == null) {
      throw new StripeError(409, "idempotency_error", "idempotency_key_in_use", null,
          "There is currently another in-progress request using this Stripe API key (or one of"
              + " its idempotency keys). Please retry after the request completes.");
    }
    return new Replay(entry.response());
  }

  synchronized void complete(String key, ApiResponse response) {
    Entry entry = entries.get(key);
    entries.put(key, new Entry(entry.request(), entry.params(), entry.at(), response));
  }

  synchronized void release(String key) {
    entries.remove(key);
  }
}

package io.tender.adapter.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.adapter.json.Json;
import io.tender.adapter.log.JsonLog;
import io.tender.adapter.sqs.SettlementQueue;
import io.tender.core.provider.ProviderHint;
import io.tender.core.settlement.ProviderEventInbox;
import io.tender.core.signature.StripeWebhookVerifier;
import io.tender.core.signature.Verification;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stripe's webhooks, received: verified on the raw bytes first, recorded once by event id, and
 * queued for settlement, in that order; Stripe hears 2xx only after the hint is queued, so a
 * failure anywhere makes Stripe deliver again. An event that cannot be verified is refused and
 * nothing is recorded.
 */
public final class StripeWebhookIngress {
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  private final StripeWebhookVerifier verifier;
  private final ProviderEventInbox inbox;
  private final Supplier<SettlementQueue> queue;
  private final Clock clock;
  private final JsonLog log;

  /** What to answer Stripe. */
  public record Answer(int status, Map<String, Object> body) {}

  public StripeWebhookIngress(StripeWebhookVerifier verifier, ProviderEventInbox inbox, Supplier<SettlementQueue> queue,
      Clock clock, JsonLog log) {
    this.verifier = verifier;
    this.inbox = inbox;
    this.queue = queue;
    this.clock = clock;
    this.log = log;
  }

  public Answer receive(byte[] body, Optional<String> signature) {
    if (body.length > MAX_BODY_BYTES) {
      return new Answer(413, Map.of("error", "Payload too large"));
    }
    if (verifier.verify(body, signature.orElse(null)) instanceof Verification.Rejected rejected) {
      log.warn("stripe webhook rejected", Map.of("provider", "stripe", "reason", rejected.reason().name()));
      return new Answer(400, Map.of("error", "Webhook signature verification failed"));
    }
    JsonNode event;
    try {
      event = Json.readTree(body);
    } catch (IOException malformed) {
      // Signed by Stripe yet unreadable: keep it for a person, answer 2xx so it is not resent forever.
      inbox.record("stripe", "unreadable-" + sha256(body), body, clock.instant());
      log.warn("stripe webhook unreadable", Map.of("provider", "stripe"));
      return new Answer(200, Map.of("received", true));
    }
    String eventId = event.path("id").asText("");
    if (eventId.isBlank()) {
      inbox.record("stripe", "unidentified-" + sha256(body), body, clock.instant());
      return new Answer(200, Map.of("received", true));
    }
    boolean first = inbox.record("stripe", eventId, body, clock.instant());
    Optional<ProviderHint> hint = StripeWebhookHints.hint(event);
    // Queued on redeliveries too: settlement is idempotent, and the first attempt may have died
    // between recording and queueing.
    hint.ifPresent(queue.get()::send);
    log.info("stripe webhook received", Map.of("provider", "stripe", "event", eventId,
        "type", event.path("type").asText(""), "first", first, "queued", hint.isPresent()));
    return new Answer(200, Map.of("received", true));
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

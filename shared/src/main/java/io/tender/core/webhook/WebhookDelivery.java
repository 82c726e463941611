package io.tender.core.webhook;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One event on its way to one endpoint, with every attempt made. It is {@code pending} while
 * attempts remain ({@code nextAttemptAt} says when), then {@code succeeded}, {@code failed} after
 * the last attempt of the {@link RetrySchedule}, or {@code cancelled} when its endpoint was deleted.
 *
 * @param redeliveryOf the delivery a merchant asked to send again, for a manual redelivery
 */
public record WebhookDelivery(String id, String tenantId, Mode mode, String eventId, String eventType,
    String endpointId, Status status, List<DeliveryAttempt> attempts, Optional<Instant> nextAttemptAt,
    Optional<String> redeliveryOf, long version, Instant createdAt) {

  public enum Status {
    PENDING, SUCCEEDED, FAILED, CANCELLED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public WebhookDelivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(status, "status");
    attempts = List.copyOf(attempts);
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(redeliveryOf, "redeliveryOf");
    Objects.requireNonNull(createdAt, "createdAt");
    if (status == Status.PENDING != nextAttemptAt.isPresent()) {
      throw new IllegalArgumentException("a pending delivery, and only a pending one, has a next attempt");
    }
  }

  /** A delivery whose first attempt is due {@code now}. */
  public static WebhookDelivery first(String id, String tenantId, Mode mode, String eventId, String eventType,
      String endpointId, Optional<String> redeliveryOf, Instant now) {
    return new WebhookDelivery(id, tenantId, mode, eventId, eventType, endpointId, Status.PENDING, List.of(),
        Optional.of(now), redeliveryOf, 0, now);
  }

  /**
   * A test send's delivery, already made: its one attempt decides it, and it is never retried,
   * since its event was never stored (the merchant sends another test instead).
   */
  public static WebhookDelivery testSend(String id, String tenantId, Mode mode, String eventId, String eventType,
      String endpointId, DeliveryAttempt attempt) {
    if (!WebhookTestSends.isTestEvent(eventId) || attempt.number() != 1) {
      throw new IllegalArgumentException("a test send is one first attempt of a test event");
    }
    return new WebhookDelivery(id, tenantId, mode, eventId, eventType, endpointId,
        attempt.succeeded() ? Status.SUCCEEDED : Status.FAILED, List.of(attempt), Optional.empty(),
        Optional.empty(), 0, attempt.at());
  }

  /** Whether this delivered a test event ({@code POST /api/webhooks/test}) rather than a committed one. */
  public boolean isTest() {
    return WebhookTestSends.isTestEvent(eventId);
  }

  /** The number the next attempt will carry. */
  public int nextAttemptNumber() {
    return attempts.size() + 1;
  }

  /** Whether attempt {@code number} may be made at {@code now}: pending, that number, and due. */
  public boolean due(int number, Instant now) {
    return status == Status.PENDING && number == nextAttemptNumber()
        && nextAttemptAt.map(at -> !at.isAfter(now)).orElse(false);
  }

  /** With {@code attempt} recorded: done when it succeeded, else the next one scheduled or none left. */
  public WebhookDelivery withAttempt(DeliveryAttempt attempt) {
    if (status != Status.PENDING || attempt.number() != nextAttemptNumber()) {
      throw new IllegalStateException("attempt " + attempt.number() + " does not follow " + this);
    }
    List<DeliveryAttempt> next = new ArrayList<>(attempts);
    next.add(attempt);
    if (attempt.succeeded()) {
      return with(Status.SUCCEEDED, next, Optional.empty());
    }
    Instant first = next.get(0).at();
    Optional<Instant> retry = RetrySchedule.due(first, attempt.number() + 1);
    return retry.map(at -> with(Status.PENDING, next, Optional.of(at)))
        .orElseGet(() -> with(Status.FAILED, next, Optional.empty()));
  }

  /** Its endpoint is gone: no further attempt. */
  public WebhookDelivery cancelled() {
    return with(Status.CANCELLED, attempts, Optional.empty());
  }

  private WebhookDelivery with(Status nextStatus, List<DeliveryAttempt> nextAttempts, Optional<Instant> nextAt) {
    return new WebhookDelivery(id, tenantId, mode, eventId, eventType, endpointId, nextStatus, nextAttempts, nextAt,
        redeliveryOf, version + 1, createdAt);
  }
}

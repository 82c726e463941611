package io.tender.core.settlement;

import java.time.Instant;

/** Provider webhooks as received: each event id recorded once, with its raw body, before it is acted on. */
public interface ProviderEventInbox {

  /** True the first time this provider's event id is recorded; false for a redelivery. */
  boolean record(String provider, String eventId, byte[] rawBody, Instant receivedAt);
}

package io.tender.core.link;

import java.time.Instant;

/** A checkout session a payment link opened, kept with the link so its merchant can find it. */
public record LinkSession(String sessionId, String paymentId, Instant createdAt) {}

package io.tender.local.sandbox.stripe;

import java.net.URI;

/** One webhook delivery that the endpoint acknowledged with a 2xx. */
public record DeliveredEvent(URI endpoint, String eventId, String type, String payload,
    String signatureHeader, int attempt) {}

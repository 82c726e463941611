package io.tender.core.webhook;

import io.tender.core.tenant.Mode;
import java.time.Instant;

/** A merchant event as committed: {@code body} is the exact JSON every delivery sends and signs. */
public record StoredEvent(String id, String tenantId, Mode mode, String type, Instant created, String body) {}

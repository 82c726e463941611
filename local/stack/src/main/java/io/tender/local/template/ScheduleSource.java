package io.tender.local.template;

import java.util.Optional;

/**
 * A {@code Schedule} or {@code ScheduleV2} event.
 *
 * @param expression {@code rate(...)}, {@code cron(...)} or {@code at(...)}
 * @param input the constant JSON the event delivers instead of the scheduled-event envelope
 */
public record ScheduleSource(
    String eventName, String expression, Optional<String> input, boolean enabled) {}

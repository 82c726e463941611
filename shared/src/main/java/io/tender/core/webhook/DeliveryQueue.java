package io.tender.core.webhook;

import java.time.Duration;

/** Hands tickets to the delivery consumer, after at most {@link #MAX_DELAY}. */
public interface DeliveryQueue {
  /** The longest a queue holds a message back (SQS: 15 minutes). */
  Duration MAX_DELAY = Duration.ofMinutes(15);

  void enqueue(DeliveryTicket ticket, Duration delay);
}

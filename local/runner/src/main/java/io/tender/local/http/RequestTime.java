package io.tender.local.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** {@code requestContext.time}: the access-log style {@code 12/Mar/2020:19:03:58 +0000}, in UTC. */
final class RequestTime {
  // English month names whatever the machine's locale; the offset is always written as +0000.
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss '+0000'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private RequestTime() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}

package io.tender.local.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code headers} and {@code cookies} of a payload 2.0 event: header names lower-cased, a
 * repeated header as one value joined with ',', and the Cookie header taken out of {@code headers}
 * and split into one entry per cookie.
 */
final class EventHeaders {
  private static final String COOKIE = "cookie";

  private EventHeaders() {}

  /** Lower-cased names in order of first appearance; every Cookie header left out. */
  static Map<String, String> fold(List<Map.Entry<String, String>> received) {
    Map<String, String> folded = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : received) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!name.equals(COOKIE)) {
        folded.merge(name, header.getValue(), (first, next) -> first + "," + next);
      }
    }
    return folded;
  }

  /** Every cookie of every Cookie header, in order; a header holds several split by "; ". */
  static List<String> cookies(List<Map.Entry<String, String>> received) {
    List<String> cookies = new ArrayList<>();
    for (Map.Entry<String, String> header : received) {
      if (header.getKey().equalsIgnoreCase(COOKIE)) {
        Arrays.stream(header.getValue().split("; "))
            .filter(cookie -> !cookie.isEmpty())
            .forEach(cookies::add);
      }
    }
    return cookies;
  }
}

package io.tender.local.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code queryStringParameters} of a payload 2.0 event: keys and values percent-decoded, a
 * repeated key as one value joined with ',', a key without '=' given "".
 *
 * <p>Not documented by AWS: '+' decodes to a space (as REST APIs are seen to do), and a pair
 * without a key ({@code =x}, or the nothing between "&&") is dropped.
 */
final class QueryStringParameters {
  private QueryStringParameters() {}

  /** Keys in order of first appearance; empty for an empty query. */
  static Map<String, String> parse(String rawQueryString) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : rawQueryString.split("&")) {
      int equals = pair.indexOf('=');
      String key = PercentDecoding.query(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : PercentDecoding.query(pair.substring(equals + 1));
      if (!key.isEmpty()) {
        parameters.merge(key, value, (first, next) -> first + "," + next);
      }
    }
    return parameters;
  }
}

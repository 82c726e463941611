package io.tender.adapter.stripe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Stripe request body: form fields in bracket notation ({@code line_items[0][quantity]=1}), in
 * the order added so that a retried request is byte-for-byte the first one.
 */
final class StripeForm {
  private final List<String[]> fields = new ArrayList<>();

  StripeForm add(String name, String value) {
    fields.add(new String[] {name, value});
    return this;
  }

  StripeForm add(String name, long value) {
    return add(name, Long.toString(value));
  }

  String encode() {
    StringBuilder body = new StringBuilder();
    for (String[] field : fields) {
      if (!body.isEmpty()) {
        body.append('&');
      }
      body.append(URLEncoder.encode(field[0], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(field[1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }
}

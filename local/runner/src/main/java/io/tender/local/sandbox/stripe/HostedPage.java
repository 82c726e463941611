package io.tender.local.sandbox.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/** The sandbox's stand-in for Stripe's hosted Checkout page: the amount and three buttons. */
final class HostedPage {
  /** ISO 4217 currencies Stripe treats as having no minor unit. */
  private static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf",
      "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");

  private HostedPage() {}

  static String render(JsonNode session, String message) {
    String id = session.get("id").asText();
    String status = session.get("status").asText();
    String currency = session.get("currency").asText();
    long minor = session.get("amount_total").asLong();
    String amount = ZERO_DECIMAL.contains(currency)
        ? Long.toString(minor)
        : BigDecimal.valueOf(minor, 2).toPlainString();
    StringBuilder html = new StringBuilder()
        .append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Stripe sandbox checkout</title></head><body>\n")
        .append("<h1>Stripe sandbox checkout</h1>\n")
        .append("<p id=\"amount\">").append(escape(amount)).append(' ')
        .append(escape(currency.toUpperCase(Locale.ROOT))).append("</p>\n")
        .append("<p id=\"session\">").append(escape(id)).append("</p>\n");
    if (message != null) {
      html.append("<p id=\"message\" role=\"alert\">").append(escape(message)).append("</p>\n");
    }
    if (status.equals("open")) {
      html.append("<form method=\"post\">\n")
          .append("<button name=\"action\" value=\"pay\">Pay</button>\n")
          .append("<button name=\"action\" value=\"decline\">Decline</button>\n");
      if (!session.get("cancel_url").isNull()) {
        html.append("<button name=\"action\" value=\"cancel\">Cancel</button>\n");
      }
      html.append("</form>\n");
    } else {
      html.append("<p id=\"status\">This checkout session is ").append(escape(status)).append(".</p>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}

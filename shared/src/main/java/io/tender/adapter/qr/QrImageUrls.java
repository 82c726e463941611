package io.tender.adapter.qr;

import io.tender.core.idempotency.DerivedContent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The QR code of a hosted page as an SVG data URL, and, for stored idempotent responses, that
 * data URL left out and drawn again from the page's URL in the same body. A created session's
 * answer is ~14 KB with its QR code and ~300 B without; the code is a pure function of the URL.
 */
public final class QrImageUrls implements DerivedContent {
  static final String PREFIX = "data:image/svg+xml;base64,";

  /** The response fields that hold a QR code, each beside the field holding the URL it encodes. */
  private record Pair(String qrField, String urlField) {
    String qrPrefix() {
      return "\"" + qrField + "\":\"" + PREFIX;
    }

    /** Where the data URL stood: names the field whose URL draws it again. */
    String placeholder() {
      return "\"" + qrField + "\":\"qr-of:" + urlField + "\"";
    }

    String urlPrefix() {
      return "\"" + urlField + "\":\"";
    }
  }

  private static final List<Pair> PAIRS = List.of(
      new Pair("qr_image_url", "redirect_url"), // checkout sessions
      new Pair("qrImageUrl", "redirectUrl"));   // a payment link's checkout

  /** The one derivation of the responses the gateway stores. */
  public static final QrImageUrls RESPONSES = new QrImageUrls();

  private QrImageUrls() {}

  /** The QR code of {@code url}, as every response shows it. */
  public static String of(String url) {
    return PREFIX + Base64.getEncoder().encodeToString(QrCodes.svg(url).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Optional<String> omit(String body) {
    String lean = body;
    for (Pair pair : PAIRS) {
      int start = lean.indexOf(pair.qrPrefix());
      if (start < 0 || url(lean, pair).isEmpty()) {
        continue; // no QR code, or none that could be drawn again from this body
      }
      // Base64 has no quote, so the first one closes the data URL.
      int end = lean.indexOf('"', start + pair.qrPrefix().length());
      if (end < 0) {
        return Optional.empty();
      }
      lean = lean.substring(0, start) + pair.placeholder() + lean.substring(end + 1);
    }
    return lean.equals(body) ? Optional.empty() : Optional.of(lean);
  }

  @Override
  public String restore(String lean) {
    String body = lean;
    for (Pair pair : PAIRS) {
      int at = body.indexOf(pair.placeholder());
      if (at < 0) {
        continue;
      }
      String url = url(body, pair).orElseThrow(
          () -> new IllegalStateException("a stored response names " + pair.urlField() + " but holds none"));
      body = body.substring(0, at) + "\"" + pair.qrField() + "\":\"" + of(url) + "\""
          + body.substring(at + pair.placeholder().length());
    }
    return body;
  }

  /**
   * The URL as written in the JSON text. One with an escape in it is not read (empty), so its body
   * does not round-trip and is stored whole: escapes are rare in URLs, and reading them is a parser's job.
   */
  private static Optional<String> url(String body, Pair pair) {
    int start = body.indexOf(pair.urlPrefix());
    if (start < 0) {
      return Optional.empty();
    }
    start += pair.urlPrefix().length();
    int end = body.indexOf('"', start);
    String url = end < 0 ? "" : body.substring(start, end);
    return url.isEmpty() || url.indexOf('\\') >= 0 ? Optional.empty() : Optional.of(url);
  }
}

package io.tender.local.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * How an HTTP API hands a request body to Lambda. HTTP APIs have no binary media type setting: a
 * body whose content type is text-like goes as a string, any other body (form posts and a body
 * without a content type included) goes base64-encoded with {@code isBase64Encoded} true.
 *
 * <p>AWS does not list the text-like types. {@code text/*}, {@code application/json}, {@code
 * application/xml} and {@code application/javascript} as text, and form-urlencoded as base64, are
 * what people report from real HTTP APIs; the {@code +json} and {@code +xml} suffix types are taken
 * as text without such a report. Text bodies are read as UTF-8 whatever the charset says.
 */
final class RequestBodyEncoding {
  private RequestBodyEncoding() {}

  /** The body as the event's {@code body} string and whether that string is base64. */
  record EncodedBody(String body, boolean base64Encoded) {}

  /** Empty when there is no body: the event then has no {@code body} field. */
  static Optional<EncodedBody> encode(byte[] body, Optional<String> contentType) {
    if (body.length == 0) {
      return Optional.empty();
    }
    if (contentType.map(RequestBodyEncoding::isText).orElse(false)) {
      return Optional.of(new EncodedBody(new String(body, StandardCharsets.UTF_8), false));
    }
    return Optional.of(new EncodedBody(Base64.getEncoder().encodeToString(body), true));
  }

  static boolean isText(String contentType) {
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (mediaType.startsWith("text/")) {
      return true;
    }
    if (!mediaType.startsWith("application/")) {
      return false;
    }
    String subtype = mediaType.substring("application/".length());
    return subtype.equals("json")
        || subtype.equals("xml")
        || subtype.equals("javascript")
        || subtype.endsWith("+json")
        || subtype.endsWith("+xml");
  }
}

package io.tender.adapter.webhook;

import io.tender.core.webhook.DeliveryAttemptResult;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an HTTP/1.x response head and at most {@link DeliveryAttemptResult#MAX_EXCERPT_BYTES} of
 * its body, never more: the rest is left unread and the connection closed. Interim 1xx answers are
 * skipped. A body that breaks off after the head still counts as answered with that status.
 */
final class ResponseReader {
  /** What the endpoint answered. */
  record Answer(int status, String excerpt) {}

  private static final Pattern STATUS_LINE =
      Pattern.compile("HTTP/1\\.[01] ([1-5][0-9][0-9])(?: .*)?");
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final int MAX_INTERIM_ANSWERS = 8;
  private static final int EXCERPT_BYTES = DeliveryAttemptResult.MAX_EXCERPT_BYTES;

  private final InputStream in;
  private int headBytesLeft = MAX_HEAD_BYTES;

  private ResponseReader(InputStream in) {
    this.in = in;
  }

  /** {@code in} should be buffered. */
  static Answer read(InputStream in) throws IOException {
    return new ResponseReader(in).read();
  }

  private Answer read() throws IOException {
    for (int interim = 0; interim <= MAX_INTERIM_ANSWERS; interim++) {
      String statusLine = readLine(true);
      Matcher matcher = STATUS_LINE.matcher(statusLine);
      if (!matcher.matches()) {
        throw new MalformedResponseException("not an HTTP/1.x status line");
      }
      int status = Integer.parseInt(matcher.group(1));
      BodyFraming framing = readHeaders();
      if (status == 101) {
        throw new MalformedResponseException("switched protocols");
      }
      if (status >= 200) {
        boolean bodyless = status == 204 || status == 304;
        return new Answer(status, bodyless ? "" : utf8Prefix(excerpt(framing)));
      }
    }
    throw new MalformedResponseException("too many interim answers");
  }

  private record BodyFraming(boolean chunked, long contentLength) {}

  private BodyFraming readHeaders() throws IOException {
    boolean chunked = false;
    long contentLength = -1;
    for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MalformedResponseException("header line without a name");
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
      if (name.equals("transfer-encoding")) {
        chunked = value.endsWith("chunked");
      } else if (name.equals("content-length")) {
        contentLength = value.matches("[0-9]{1,18}") ? Long.parseLong(value) : -1;
      }
    }
    return new BodyFraming(chunked, chunked ? -1 : contentLength);
  }

  /** Up to {@link #EXCERPT_BYTES} body bytes; whatever arrived if the body breaks off. */
  private byte[] excerpt(BodyFraming framing) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      if (framing.chunked()) {
        readChunked(body);
      } else {
        long wanted = framing.contentLength() < 0 ? EXCERPT_BYTES
            : Math.min(framing.contentLength(), EXCERPT_BYTES);
        copy(body, (int) wanted);
      }
    } catch (IOException e) {
      // The status is what counts; an excerpt cut short is still an excerpt.
    }
    return body.toByteArray();
  }

  private void readChunked(ByteArrayOutputStream body) throws IOException {
    while (body.size() < EXCERPT_BYTES) {
      String sizeLine = readLine(false);
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
      if (!hex.matches("[0-9a-fA-F]{1,8}")) {
        return;
      }
      long size = Long.parseLong(hex, 16);
      if (size == 0) {
        return;
      }
      int wanted = (int) Math.min(size, EXCERPT_BYTES - body.size());
      copy(body, wanted);
      if (wanted < size) {
        return;
      }
      readLine(false); // the CRLF closing the chunk
    }
  }

  /** Copies up to {@code count} bytes, fewer if the stream ends first. */
  private void copy(ByteArrayOutputStream out, int count) throws IOException {
    byte[] buffer = new byte[count];
    int filled = 0;
    while (filled < count) {
      int read = in.read(buffer, filled, count - filled);
      if (read < 0) {
        break;
      }
      filled += read;
    }
    out.write(buffer, 0, filled);
  }

  /**
   * One line without its CRLF (a bare LF is accepted too). Counts against the head budget, which
   * bounds what a hostile endpoint can make us read before the body.
   */
  private String readLine(boolean statusLine) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException(statusLine && line.size() == 0
            ? "connection closed before a response" : "connection closed inside the response head");
      }
      if (--headBytesLeft < 0) {
        throw new MalformedResponseException(
            "response head larger than " + MAX_HEAD_BYTES + " bytes");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        boolean crlf = bytes.length > 0 && bytes[bytes.length - 1] == '\r';
        int length = crlf ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
  }

  /**
   * Decodes as UTF-8 after dropping a multi-byte character the cut left incomplete; other invalid
   * bytes become U+FFFD, one character per byte at most, so the excerpt never exceeds its bytes.
   */
  static String utf8Prefix(byte[] bytes) {
    int end = bytes.length;
    int start = end;
    // Step back over at most three continuation bytes (10xxxxxx) to the last character's lead.
    while (start > 0 && end - start < 3 && (bytes[start - 1] & 0xc0) == 0x80) {
      start--;
    }
    if (start > 0) {
      int lead = bytes[start - 1] & 0xff;
      int expected = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (expected > 1 && end - (start - 1) < expected) {
        end = start - 1;
      }
    }
    return new String(Arrays.copyOf(bytes, end), StandardCharsets.UTF_8);
  }
}

package io.tender.adapter.webhook;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

  private static ResponseReader.Answer read(String raw) throws IOException {
    return ResponseReader.read(new ByteArrayInputStream(raw.getBytes(ISO_8859_1)));
  }

  @Test
  void readsStatusAndContentLengthBody() throws IOException {
    assertThat(read("HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nhello, and more"))
        .isEqualTo(new ResponseReader.Answer(201, "hello"));
  }

  @Test
  void readsAChunkedBodyAcrossChunksAndExtensions() throws IOException {
    String raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
    assertThat(read(raw).excerpt()).isEqualTo("abcde");
  }

  @Test
  void skipsInterimAnswersAndTakesTheFinalOne() throws IOException {
    assertThat(read("HTTP/1.1 100 Continue\r\n\r\n"
        + "HTTP/1.1 500 Oops\r\nContent-Length: 2\r\n\r\nno"))
        .isEqualTo(new ResponseReader.Answer(500, "no"));
  }

  @Test
  void aBodyWithoutFramingIsReadToTheEndOfTheStreamUpTo1Kb() throws IOException {
    assertThat(read("HTTP/1.0 200 OK\n\n" + "z".repeat(3000)).excerpt()).hasSize(1024);
  }

  @Test
  void noContentHasNoExcerpt() throws IOException {
    assertThat(read("HTTP/1.1 204 No Content\r\n\r\n"))
        .isEqualTo(new ResponseReader.Answer(204, ""));
  }

  @Test
  void aBodyThatBreaksOffKeepsTheStatus() throws IOException {
    assertThat(read("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial"))
        .isEqualTo(new ResponseReader.Answer(200, "partial"));
  }

  @Test
  void nonHttpAnswersAndEndlessHeadsAreMalformed() {
    assertThatThrownBy(() -> read("SSH-2.0-OpenSSH_9.6\r\n"))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> read("HTTP/2 200\r\n\r\n"))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\n" + "X-Pad: y\r\n".repeat(10_000) + "\r\n"))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> read("HTTP/1.1 101 Switching Protocols\r\n\r\n"))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void anEmptyAnswerIsAnEarlyClose() {
    assertThatThrownBy(() -> read("")).isInstanceOf(EOFException.class)
        .hasMessageContaining("before a response");
  }

  @Test
  void aCharacterCutByTheLimitIsDroppedWhileCompleteOnesStay() {
    byte[] emoji = "\ud83d\ude00".getBytes(UTF_8);
    byte[] cut = new byte[] {'a', emoji[0], emoji[1], emoji[2]};

    assertThat(ResponseReader.utf8Prefix(cut)).isEqualTo("a");
    assertThat(ResponseReader.utf8Prefix(("a" + "\ud83d\ude00").getBytes(UTF_8)))
        .isEqualTo("a\ud83d\ude00");
    assertThat(ResponseReader.utf8Prefix("\u00e9".getBytes(UTF_8))).isEqualTo("\u00e9");
    assertThat(ResponseReader.utf8Prefix(new byte[] {'a', (byte) 0xc3})).isEqualTo("a");
    assertThat(ResponseReader.utf8Prefix(new byte[0])).isEmpty();
  }
}

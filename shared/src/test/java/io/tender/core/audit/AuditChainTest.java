package io.tender.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  private static final String PREVIOUS = "9f".repeat(32);
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");
  private static final AuditEvent EVENT = new AuditEvent("refund.created", Actor.apiKey("key_1"),
      "203.0.113.7", "req_1", Map.of("refundId", "re_1", "amount", "500"));

  @Test
  void theGenesisHashIsSixtyFourZeros() {
    assertThat(AuditChain.GENESIS).hasSize(64).matches("0+");
  }

  @Test
  void theHashIsSha256OfTheDocumentedLengthPrefixedEncoding() throws Exception {
    ByteArrayOutputStream encoding = new ByteArrayOutputStream();
    text(encoding, "tender.audit.v1");
    text(encoding, PREVIOUS);
    text(encoding, "ten_1");
    encoding.write(ByteBuffer.allocate(8).putLong(42).array());
    text(encoding, "refund.created");
    text(encoding, "api_key");
    text(encoding, "key_1");
    text(encoding, "203.0.113.7");
    text(encoding, "req_1");
    encoding.write(ByteBuffer.allocate(4).putInt(2).array());
    text(encoding, "amount");
    text(encoding, "500");
    text(encoding, "refundId");
    text(encoding, "re_1");
    encoding.write(ByteBuffer.allocate(12).putLong(AT.getEpochSecond()).putInt(AT.getNano()).array());
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(encoding.toByteArray()));

    assertThat(AuditChain.hash(PREVIOUS, "ten_1", 42, EVENT, AT)).isEqualTo(expected);
  }

  @Test
  void absentFieldsAreEncodedApartFromAnyText() throws Exception {
    AuditEvent bare = new AuditEvent("payment.expired", Actor.system("expiry"), null, null);
    ByteArrayOutputStream encoding = new ByteArrayOutputStream();
    text(encoding, "tender.audit.v1");
    text(encoding, AuditChain.GENESIS);
    text(encoding, "ten_1");
    encoding.write(ByteBuffer.allocate(8).putLong(1).array());
    text(encoding, "payment.expired");
    text(encoding, "system");
    text(encoding, "expiry");
    encoding.write(0);
    encoding.write(0);
    encoding.write(ByteBuffer.allocate(4).putInt(0).array());
    encoding.write(ByteBuffer.allocate(12).putLong(AT.getEpochSecond()).putInt(AT.getNano()).array());
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(encoding.toByteArray()));

    assertThat(AuditChain.hash(AuditChain.GENESIS, "ten_1", 1, bare, AT)).isEqualTo(expected);
    assertThat(expected).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, "ten_1", 1,
        new AuditEvent("payment.expired", Actor.system("expiry"), "null", null), AT));
  }

  @Test
  void theHashIsDeterministic() {
    AuditEvent sameAgain = new AuditEvent("refund.created", Actor.apiKey("key_1"),
        "203.0.113.7", "req_1", Map.of("amount", "500", "refundId", "re_1"));

    assertThat(AuditChain.hash(PREVIOUS, "ten_1", 42, EVENT, AT))
        .isEqualTo(AuditChain.hash(PREVIOUS, "ten_1", 42, EVENT, AT))
        .isEqualTo(AuditChain.hash(PREVIOUS, "ten_1", 42, sameAgain, AT))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void detailsHashTheSameWhateverOrderTheyWereGivenIn() {
    Map<String, String> oneOrder = new LinkedHashMap<>();
    oneOrder.put("a", "1");
    oneOrder.put("b", "2");
    Map<String, String> otherOrder = new LinkedHashMap<>();
    otherOrder.put("b", "2");
    otherOrder.put("a", "1");

    assertThat(hashOf(withDetails(oneOrder))).isEqualTo(hashOf(withDetails(otherOrder)));
  }

  @Test
  void changingAnyFieldChangesTheHash() {
    String base = AuditChain.hash(PREVIOUS, "ten_1", 42, EVENT, AT);
    List<String> variants = List.of(
        AuditChain.hash("9e" + "9f".repeat(31), "ten_1", 42, EVENT, AT),
        AuditChain.hash(PREVIOUS, "ten_2", 42, EVENT, AT),
        AuditChain.hash(PREVIOUS, "ten_1", 43, EVENT, AT),
        AuditChain.hash(PREVIOUS, "ten_1", 42, EVENT, AT.plusSeconds(1)),
        AuditChain.hash(PREVIOUS, "ten_1", 42, EVENT, AT.plusNanos(1)),
        hashOf(new AuditEvent("refund.updated", EVENT.actor(), EVENT.ip(), EVENT.requestId(), EVENT.details())),
        hashOf(new AuditEvent(EVENT.action(), Actor.user("key_1"), EVENT.ip(), EVENT.requestId(), EVENT.details())),
        hashOf(new AuditEvent(EVENT.action(), Actor.apiKey("key_2"), EVENT.ip(), EVENT.requestId(), EVENT.details())),
        hashOf(new AuditEvent(EVENT.action(), EVENT.actor(), "203.0.113.8", EVENT.requestId(), EVENT.details())),
        hashOf(new AuditEvent(EVENT.action(), EVENT.actor(), null, EVENT.requestId(), EVENT.details())),
        hashOf(new AuditEvent(EVENT.action(), EVENT.actor(), EVENT.ip(), "req_2", EVENT.details())),
        hashOf(new AuditEvent(EVENT.action(), EVENT.actor(), EVENT.ip(), null, EVENT.details())),
        hashOf(withDetails(Map.of("refundId", "re_1", "amount", "501"))),
        hashOf(withDetails(Map.of("refundId", "re_1", "amounts", "500"))),
        hashOf(withDetails(Map.of("refundId", "re_1"))),
        hashOf(withDetails(Map.of("refundId", "re_1", "amount", "500", "currency", "EUR"))));

    assertThat(variants).doesNotContain(base).doesNotHaveDuplicates();
  }

  @Test
  void movingCharactersFromOneFieldToTheNextChangesTheHash() {
    record Split(String first, String second) {}
    List<Split[]> moves = List.of(
        new Split[] {new Split("203.0.113.7", "req_1"), new Split("203.0.113.7r", "eq_1")},
        new Split[] {new Split("key_1", "203.0.113.7"), new Split("key_12", "03.0.113.7")});
    for (Split[] move : moves) {
      assertThat(move[0].first() + move[0].second())
          .as("plain concatenation would not tell these apart")
          .isEqualTo(move[1].first() + move[1].second());
    }

    AuditEvent ipThenRequest = new AuditEvent(EVENT.action(), EVENT.actor(), "203.0.113.7", "req_1");
    AuditEvent movedIntoIp = new AuditEvent(EVENT.action(), EVENT.actor(), "203.0.113.7r", "eq_1");
    AuditEvent actorThenIp = new AuditEvent(EVENT.action(), Actor.apiKey("key_1"), "203.0.113.7", "req_1");
    AuditEvent movedIntoActor = new AuditEvent(EVENT.action(), Actor.apiKey("key_12"), "03.0.113.7", "req_1");
    assertThat(hashOf(ipThenRequest)).isNotEqualTo(hashOf(movedIntoIp));
    assertThat(hashOf(actorThenIp)).isNotEqualTo(hashOf(movedIntoActor));

    assertThat(hashOf(withDetails(Map.of("ab", "c")))).isNotEqualTo(hashOf(withDetails(Map.of("a", "bc"))));
    assertThat(hashOf(withDetails(Map.of("a", "b", "c", "d"))))
        .isNotEqualTo(hashOf(withDetails(Map.of("a", "bc", "d", ""))));
  }

  @Test
  void anEntryRecognisesItsOwnHash() {
    String hash = AuditChain.hash(PREVIOUS, "ten_1", 42, EVENT, AT);

    assertThat(new AuditEntry("ten_1", 42, EVENT, AT, PREVIOUS, hash).hashMatches()).isTrue();
    assertThat(new AuditEntry("ten_1", 43, EVENT, AT, PREVIOUS, hash).hashMatches()).isFalse();
  }

  private static String hashOf(AuditEvent event) {
    return AuditChain.hash(PREVIOUS, "ten_1", 42, event, AT);
  }

  private static AuditEvent withDetails(Map<String, String> details) {
    return new AuditEvent(EVENT.action(), EVENT.actor(), EVENT.ip(), EVENT.requestId(), details);
  }

  private static void text(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.write(1);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }
}

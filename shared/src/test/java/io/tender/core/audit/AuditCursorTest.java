package io.tender.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuditCursorTest {

  @Test
  void aCursorLeadsBackToItsSequenceForItsTenant() {
    String cursor = AuditCursor.before("ten_1", 42);

    assertThat(AuditCursor.sequenceBefore("ten_1", cursor)).isEqualTo(42);
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void aCursorDoesNotSpellOutItsTenant() {
    String plain = new String(Base64.getUrlDecoder().decode(AuditCursor.before("ten_secretive", 7)),
        StandardCharsets.US_ASCII);

    assertThat(plain).doesNotContain("ten_secretive");
  }

  @Test
  void anotherTenantsCursorIsRefused() {
    String cursor = AuditCursor.before("ten_1", 42);

    assertThatThrownBy(() -> AuditCursor.sequenceBefore("ten_2", cursor))
        .isInstanceOf(InvalidAuditCursorException.class).hasMessageContaining("another tenant");
  }

  @Test
  void editedCursorsAreRefused() {
    String plain = new String(Base64.getUrlDecoder().decode(AuditCursor.before("ten_1", 42)),
        StandardCharsets.US_ASCII);
    String fingerprint = plain.split("\\.")[1];

    for (String edited : new String[] {
        "a1." + fingerprint + ".1", "a1." + fingerprint + ".0", "a1." + fingerprint + ".-5",
        "a1." + fingerprint + ".99999999999999999999", "a2." + fingerprint + ".42",
        "a1." + fingerprint + ".42.1", "a1." + fingerprint}) {
      String cursor = Base64.getUrlEncoder().withoutPadding()
          .encodeToString(edited.getBytes(StandardCharsets.US_ASCII));
      assertThatThrownBy(() -> AuditCursor.sequenceBefore("ten_1", cursor))
          .as(edited).isInstanceOf(InvalidAuditCursorException.class);
    }
  }
}

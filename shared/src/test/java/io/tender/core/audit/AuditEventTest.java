package io.tender.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventTest {

  @Test
  void actionsAreDottedLowerCaseNames() {
    for (String action : new String[] {"api_key.created", "refund.created", "user.mfa.enabled"}) {
      assertThat(new AuditEvent(action, Actor.user("usr_1"), null, null).action()).isEqualTo(action);
    }
    for (String action : new String[] {null, "", "Refund.created", "refund..created", ".refund",
        "refund created", "a".repeat(65)}) {
      assertThatThrownBy(() -> new AuditEvent(action, Actor.user("usr_1"), null, null))
          .as(String.valueOf(action)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anEventNeedsAnActor() {
    assertThatThrownBy(() -> new AuditEvent("refund.created", null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void actorsAreOfTheFourKnownTypesWithAnId() {
    assertThat(Actor.apiKey("key_1")).isEqualTo(new Actor("api_key", "key_1"));
    assertThat(Actor.user("usr_1").type()).isEqualTo("user");
    assertThat(Actor.operator("op_1").type()).isEqualTo("operator");
    assertThat(Actor.system("expiry").type()).isEqualTo("system");
    assertThatThrownBy(() -> new Actor("robot", "r_1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Actor(null, "r_1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Actor.user(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Actor.user(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBlankIpOrRequestIdMeansNone() {
    AuditEvent event = new AuditEvent("refund.created", Actor.user("usr_1"), " ", "");

    assertThat(event.ip()).isNull();
    assertThat(event.requestId()).isNull();
    assertThat(event).isEqualTo(new AuditEvent("refund.created", Actor.user("usr_1"), null, null));
  }

  @Test
  void detailsAreCopiedSortedAndUnmodifiable() {
    Map<String, String> given = new HashMap<>(Map.of("refundId", "re_1", "amount", "500"));
    AuditEvent event = new AuditEvent("refund.created", Actor.user("usr_1"), null, null, given);
    given.put("later", "x");

    assertThat(event.details()).containsExactly(Map.entry("amount", "500"), Map.entry("refundId", "re_1"));
    assertThatThrownBy(() -> event.details().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(new AuditEvent("refund.created", Actor.user("usr_1"), null, null, null).details()).isEmpty();
  }

  @Test
  void detailsStaySmall() {
    Map<String, String> tooMany = new HashMap<>();
    for (int n = 0; n <= AuditEvent.MAX_DETAILS; n++) {
      tooMany.put("k" + n, "v");
    }
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);

    for (Map<String, String> details : List.of(tooMany, nullValue, Map.of("bad key", "v"),
        Map.of("", "v"), Map.of("k", "x".repeat(AuditEvent.MAX_DETAIL_VALUE_LENGTH + 1)))) {
      assertThatThrownBy(() -> new AuditEvent("refund.created", Actor.user("usr_1"), null, null, details))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void entriesRefuseMalformedHashesAndSequences() {
    AuditEvent event = new AuditEvent("refund.created", Actor.user("usr_1"), null, null);
    Instant at = Instant.EPOCH;
    String hash = "a".repeat(64);

    assertThatThrownBy(() -> new AuditEntry("ten_1", 0, event, at, AuditChain.GENESIS, hash))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuditEntry("ten_1", 1, event, at, "A".repeat(64), hash))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuditEntry("ten_1", 1, event, at, AuditChain.GENESIS, "abc"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuditEntry("ten#1", 1, event, at, AuditChain.GENESIS, hash))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

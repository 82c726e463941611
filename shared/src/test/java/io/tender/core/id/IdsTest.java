package io.tender.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void theIdsTheGeneratorMakesAreIdsOfTheirPrefixOnly() {
    String id = RandomIdGenerator.secure().next("pay");

    assertThat(Ids.isId("pay", id)).isTrue();
    assertThat(Ids.isId("cs", id)).isFalse();
  }

  @Test
  void anythingElseIsNot() {
    assertThat(Ids.isId("pay", null)).isFalse();
    assertThat(Ids.isId("pay", "pay_")).isFalse();
    assertThat(Ids.isId("pay", "pay_01ABCDEFGHJKMNPQRSTVWXYZ01")).as("upper case").isFalse();
    assertThat(Ids.isId("pay", "pay_0123456789abcdefghjkmnpqrst")).as("27 characters").isFalse();
    assertThat(Ids.isId("pay", "4242424242424242")).isFalse();
    assertThat(Ids.isId("pay", "xpay_0123456789abcdefghjkmnpqrs")).isFalse();
    assertThat(Ids.isId("pay", "pay_0123456789abcdefghjkmnpqrs")).isTrue();
  }

  @Test
  void anIdSaysTheMillisecondItsGeneratorMadeIt() {
    for (String at : new String[] {"2026-11-23T23:59:59.999Z", "2026-11-24T00:00:00Z", "1970-01-01T00:00:00Z",
        "2999-12-31T12:34:56.789Z"}) {
      Instant made = Instant.parse(at);
      String id = new RandomIdGenerator(Clock.fixed(made, ZoneOffset.UTC), new Random(1)).next("evt");

      assertThat(Ids.createdAt("evt", id)).as(at).contains(made);
    }
  }

  @Test
  void onlyAnIdOfThePrefixWithATimeTheGeneratorCouldWriteHasOne() {
    String id = new RandomIdGenerator(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC),
        new Random(2)).next("evt");

    assertThat(Ids.createdAt("pay", id)).isEmpty();
    assertThat(Ids.createdAt("evt", null)).isEmpty();
    assertThat(Ids.createdAt("evt", "evt_nope")).isEmpty();
    assertThat(Ids.createdAt("evt", "evt_test_" + id.substring(4))).as("a test send's id").isEmpty();
    assertThat(Ids.createdAt("evt", "evt_u" + id.substring(5))).as("u is not in the alphabet").isEmpty();
    assertThat(Ids.createdAt("evt", id.substring(0, 26) + "u" + id.substring(27)))
        .as("the random part does not carry the time").isPresent();
    assertThat(Ids.createdAt("evt", "evt_zzzzzzzzzz0000000000000000")).as("the largest time the shape can say")
        .contains(Instant.ofEpochMilli((1L << 50) - 1));
  }
  @Test
  void theEarliestIdOfAMillisecondSortsAtOrBeforeEveryIdMadeThenAndAfterEveryIdMadeBefore() {
    Instant at = Instant.parse("2026-11-24T00:00:00.007Z");
    String earliest = Ids.earliest("evt", at);

    assertThat(Ids.isId("evt", earliest)).isTrue();
    assertThat(Ids.createdAt("evt", earliest)).contains(at);
    for (int seed = 0; seed < 20; seed++) {
      String then = new RandomIdGenerator(Clock.fixed(at, ZoneOffset.UTC), new Random(seed)).next("evt");
      String before = new RandomIdGenerator(Clock.fixed(at.minusMillis(1), ZoneOffset.UTC), new Random(seed))
          .next("evt");
      assertThat(earliest).isLessThanOrEqualTo(then).isGreaterThan(before);
    }
  }

  @Test
  void theTimePartIsTheLeadingTenCharactersOfAnIdThatHasATime() {
    String made = new RandomIdGenerator(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC),
        new Random(3)).next("evt");
    String other = new RandomIdGenerator(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC),
        new Random(4)).next("evt");

    assertThat(Ids.timePart("evt", made)).contains(made.substring(4, 14)).isEqualTo(Ids.timePart("evt", other));
    assertThat(Ids.timePart("evt", "evt_u" + made.substring(5))).isEmpty();
    assertThat(Ids.timePart("pay", made)).isEmpty();
  }
}

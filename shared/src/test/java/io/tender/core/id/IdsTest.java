package io.tender.core.id;

import static org.assertj.core.api.Assertions.assertThat;

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
}

package io.tender.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.tenant.Mode;
import io.tender.core.webhook.OutboundUrlVerdict.Allowed;
import io.tender.core.webhook.OutboundUrlVerdict.Refused;
import java.net.InetAddress;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * However an IPv4 address is spelled (one to four parts, each decimal, octal or hex), the policy
 * reaches the same verdict as for the address itself, and an allowed URL connects to exactly it.
 */
class NumericHostPropertyTest {
  private final OutboundUrlPolicy policy = OutboundUrlPolicy.strict(name -> {
    throw new AssertionError("a numeric host must never be resolved: " + name);
  });

  /** Addresses biased towards the forbidden ranges, where a spelling slip would matter. */
  @Provide
  Arbitrary<Integer> addresses() {
    Arbitrary<Integer> anywhere =
        Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE);
    Arbitrary<Integer> lowBits = Arbitraries.integers().between(0, 0xFFFF);
    return Arbitraries.oneOf(anywhere,
        lowBits.map(low -> 0x7F00_0000 | low),
        lowBits.map(low -> 0xA9FE_0000 | low),
        lowBits.map(low -> 0x0A00_0000 | low),
        lowBits.map(low -> 0xC0A8_0000 | low),
        lowBits.map(low -> 0x6440_0000 | low),
        lowBits.map(low -> low));
  }

  @Property(tries = 1000)
  void everySpellingGetsTheVerdictOfItsAddress(
      @ForAll("addresses") int address, @ForAll long spellingSeed) throws Exception {
    String spelled = spell(address, new Random(spellingSeed));
    IpAddressClass expected = IpAddressClassifier.classifyIpv4(address);

    OutboundUrlVerdict verdict = policy.check("https://" + spelled + "/hook", Mode.LIVE);

    if (expected.isPublic()) {
      assertThat(verdict).as(spelled).isInstanceOf(Allowed.class);
      assertThat(((Allowed) verdict).target().addresses())
          .containsExactly(InetAddress.getByAddress(bytes(address)));
    } else {
      assertThat(verdict).as(spelled).isInstanceOf(Refused.class);
      assertThat(((Refused) verdict).reason()).isEqualTo(OutboundUrlRefusal.FORBIDDEN_ADDRESS);
    }
  }

  private static String spell(int address, Random random) {
    int parts = 1 + random.nextInt(4);
    long value = Integer.toUnsignedLong(address);
    StringBuilder spelled = new StringBuilder();
    for (int i = 0; i < parts - 1; i++) {
      long part = (value >>> (8 * (3 - i))) & 0xFF;
      spelled.append(number(part, random)).append('.');
    }
    long last = value & ((1L << (8 * (4 - (parts - 1)))) - 1);
    return spelled.append(number(last, random)).toString();
  }

  private static String number(long value, Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> Long.toString(value);
      case 1 -> "0" + Long.toOctalString(value);
      case 2 -> "0x" + Long.toHexString(value);
      default -> "0X" + Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
    };
  }

  private static byte[] bytes(int address) {
    return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8),
        (byte) address};
  }
}

package io.tender.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {
  private final RecoveryCodes recoveryCodes = new RecoveryCodes(new Random(11));

  @Test
  void tenCodesOfSixtyBitsByDefault() {
    IssuedRecoveryCodes issued = recoveryCodes.generate();

    assertThat(issued.codes()).hasSize(10).doesNotHaveDuplicates()
        .allMatch(code -> code.matches("[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-"
            + "[0-9a-hjkmnp-tv-z]{4}"));
    assertThat(issued.hashes()).hasSize(10).doesNotHaveDuplicates()
        .allMatch(hash -> hash.matches("[0-9a-f]{32}:[0-9a-f]{64}"));
    // 12 characters of a 32-character alphabet.
    assertThat(RecoveryCodes.ALPHABET).hasSize(32);
    assertThat(RecoveryCodes.ALPHABET.chars().distinct().count()).isEqualTo(32);
    assertThat(RecoveryCodes.ALPHABET).doesNotContain("i", "l", "o", "u");
  }

  @Test
  void codesComeFromTheInjectedRandom() {
    assertThat(new RecoveryCodes(new Random(4)).generate(3).codes())
        .isEqualTo(new RecoveryCodes(new Random(4)).generate(3).codes())
        .isNotEqualTo(new RecoveryCodes(new Random(5)).generate(3).codes());
  }

  @Test
  void everyCodeMatchesItsOwnHash() {
    IssuedRecoveryCodes issued = recoveryCodes.generate();

    for (int i = 0; i < issued.codes().size(); i++) {
      assertThat(recoveryCodes.match(issued.codes().get(i), issued.hashes()))
          .hasValue(issued.hashes().get(i));
    }
  }

  @Test
  void caseDashesSpacesAndLookAlikeLettersDoNotMatter() {
    String code = "0ab1-cd0e-f1gh";
    List<String> stored = List.of(recoveryCodes.hash(code));

    assertThat(recoveryCodes.match("0AB1-CD0E-F1GH", stored)).hasValue(stored.get(0));
    assertThat(recoveryCodes.match("0ab1cd0ef1gh", stored)).hasValue(stored.get(0));
    assertThat(recoveryCodes.match(" 0ab1 cd0e f1gh ", stored)).hasValue(stored.get(0));
    assertThat(recoveryCodes.match("Oab1-cdOe-fIgh", stored)).hasValue(stored.get(0));
    assertThat(recoveryCodes.match("0abl-cd0e-fLgh", stored)).hasValue(stored.get(0));
  }

  @Test
  void otherCodesAndJunkMatchNothing() {
    IssuedRecoveryCodes issued = recoveryCodes.generate();
    String first = issued.codes().get(0);
    String changed = (first.charAt(0) == 'a' ? 'b' : 'a') + first.substring(1);

    assertThat(recoveryCodes.match(changed, issued.hashes())).isEmpty();
    assertThat(recoveryCodes.match(first.substring(0, 13), issued.hashes())).isEmpty();
    assertThat(recoveryCodes.match(first + "a", issued.hashes())).isEmpty();
    assertThat(recoveryCodes.match(first.replace('-', '_'), issued.hashes())).isEmpty();
    assertThat(recoveryCodes.match("", issued.hashes())).isEmpty();
    assertThat(recoveryCodes.match(null, issued.hashes())).isEmpty();
    assertThat(recoveryCodes.match("u".repeat(12), issued.hashes())).isEmpty();
    assertThat(recoveryCodes.match(first, List.of())).isEmpty();
  }

  @Test
  void malformedStoredEntriesMatchNothingAndDoNotStopTheSearch() {
    IssuedRecoveryCodes issued = recoveryCodes.generate(1);
    String code = issued.codes().get(0);
    String good = issued.hashes().get(0);
    List<String> stored = new ArrayList<>();
    stored.add(null);
    stored.add("");
    stored.add("not a hash");
    stored.add(good.replace(':', '-'));
    stored.add("zz" + good.substring(2));
    stored.add(good.substring(0, good.length() - 1));
    stored.add(good);

    assertThat(recoveryCodes.match(code, stored)).hasValue(good);
  }

  @Test
  void hashesAreSaltedSoEqualCodesHashDifferently() {
    String first = recoveryCodes.hash("abcd-efgh-jkmn");
    String second = recoveryCodes.hash("abcd-efgh-jkmn");

    assertThat(first).isNotEqualTo(second);
    assertThat(recoveryCodes.match("abcd-efgh-jkmn", List.of(first))).hasValue(first);
    assertThat(recoveryCodes.match("abcd-efgh-jkmn", List.of(second))).hasValue(second);
    assertThatThrownBy(() -> recoveryCodes.hash("short"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMatchedHashRemovedByTheCallerNoLongerMatches() {
    IssuedRecoveryCodes issued = recoveryCodes.generate();
    List<String> stored = new ArrayList<>(issued.hashes());
    String code = issued.codes().get(3);

    stored.remove(recoveryCodes.match(code, stored).orElseThrow());

    assertThat(recoveryCodes.match(code, stored)).isEmpty();
    assertThat(recoveryCodes.match(issued.codes().get(4), stored)).isPresent();
  }

  @Test
  void manyCodesAreDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      seen.addAll(recoveryCodes.generate().codes());
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void countIsBoundedAndCodesStayOutOfToString() {
    assertThatThrownBy(() -> recoveryCodes.generate(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> recoveryCodes.generate(101))
        .isInstanceOf(IllegalArgumentException.class);
    IssuedRecoveryCodes issued = recoveryCodes.generate(2);
    assertThat(issued.toString()).doesNotContain(issued.codes().get(0), issued.hashes().get(0));
  }
}

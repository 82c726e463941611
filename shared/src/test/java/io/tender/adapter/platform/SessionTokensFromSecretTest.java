package io.tender.adapter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.auth.SessionClaims;
import io.tender.core.secret.SecretNotFoundException;
import io.tender.core.secret.SecretStore;
import io.tender.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTokensFromSecretTest {
  private static final String NAME = "tender/test/session-signing-keys";
  private static final String GENERATED = "Q7pWm2xZ9cV4bN8rT1yL6kH3jG5fD0sA2qW8eR4tY7uI1oP9aS3dF6gH2jK5lZ8x";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
  private final Map<String, String> values = new HashMap<>(Map.of(NAME, GENERATED));
  private final SecretStore store = new SecretStore() {
    @Override
    public String get(String name) {
      String value = values.get(name);
      if (value == null) {
        throw new SecretNotFoundException(name);
      }
      return value;
    }

    @Override
    public void refresh(String name) {}
  };
  private final SessionTokensFromSecret sessions = new SessionTokensFromSecret(store, NAME, clock);

  @Test
  void aGeneratedValueIsOneKeyAndARotationKeepsItsTokensValid() {
    String before = sessions.get().issue(claims());

    String oldKey = Base64.getEncoder().encodeToString(GENERATED.getBytes(StandardCharsets.UTF_8));
    String newKey = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');
    values.put(NAME, "k1:" + newKey + ",k0:" + oldKey);
    String after = sessions.get().issue(claims());

    assertThat(before).startsWith("tst1.k0.");
    assertThat(after).startsWith("tst1.k1.");
    assertThat(sessions.get().verify(before)).as("signed before the rotation").isPresent();
    assertThat(sessions.get().verify(after)).isPresent();

    values.put(NAME, "k1:" + newKey);
    assertThat(sessions.get().verify(before)).as("k0 retired").isEmpty();
    assertThat(sessions.get().verify(after)).isPresent();
  }

  private SessionClaims claims() {
    return new SessionClaims("ten_x1y2", "usr_1", "owner", clock.instant(), clock.instant().plusSeconds(1800),
        Optional.empty(), "ses_1");
  }
}

package io.tender.core.apikey;

import io.tender.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tender.core.auth.Principal;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
  private final InMemoryApiKeyRepository repository = new InMemoryApiKeyRepository();
  private final ApiKeyService service = new ApiKeyService(repository, new ApiKeySecrets(new Random(1)),
      new RandomIdGenerator(clock, new Random(2)), clock);

  @Test
  void aNewKeyCarriesItsModeAnd256BitsAndIsStoredOnlyAsAHash() {
    CreatedApiKey created = service.create("ten_a1b2", Mode.LIVE, "Production Server");

    assertThat(created.secret()).matches("sk_live_[0-9A-Za-z]{43}");
    assertThat(created.key().prefix()).isEqualTo("sk_live");
    assertThat(created.key().secretHash()).isEqualTo(ApiKeySecrets.hash(created.secret()))
        .doesNotContain(created.secret());
    assertThat(created.key().toString()).doesNotContain(created.secret());
    assertThat(service.list("ten_a1b2", Mode.LIVE)).singleElement()
        .satisfies(k -> assertThat(k.toString()).doesNotContain(created.secret()));
  }

  @Test
  void aKeyAuthenticatesAsItsTenantAndModeOnly() {
    CreatedApiKey created = service.create("ten_a1b2", Mode.TEST, "ci");

    assertThat(service.authenticate(created.secret()))
        .contains(new Principal.ApiKeyCaller("ten_a1b2", Mode.TEST, created.key().id()));
    assertThat(service.authenticate(created.secret().replace("sk_test_", "sk_live_"))).isEmpty();
    assertThat(service.authenticate(created.secret() + "x")).isEmpty();
    assertThat(service.authenticate("Bearer " + created.secret())).isEmpty();
    assertThat(service.authenticate("sk_test_" + "a".repeat(500))).isEmpty();
    assertThat(service.authenticate(null)).isEmpty();
  }

  @Test
  void aRevokedKeyIsRefusedOnceTheCacheLapses() {
    CreatedApiKey created = service.create("ten_a1b2", Mode.TEST, "ci");
    assertThat(service.authenticate(created.secret())).isPresent();

    service.revoke("ten_a1b2", Mode.TEST, created.key().id());

    clock.advance(ApiKeyService.CACHE_TTL.minusSeconds(1));
    assertThat(service.authenticate(created.secret())).as("still cached in this container").isPresent();
    clock.advance(java.time.Duration.ofSeconds(1));
    assertThat(service.authenticate(created.secret())).isEmpty();
  }

  @Test
  void aKeyNeverSeenBeforeIsReadFromTheRepositoryEachTime() {
    int before = repository.lookups;
    service.authenticate("sk_test_unknownunknownunknownunknownunknownaaaa");
    service.authenticate("sk_test_unknownunknownunknownunknownunknownaaaa");

    assertThat(repository.lookups - before).as("misses are not cached").isEqualTo(2);
  }

  @Test
  void revokingAnotherTenantsKeyAnswersNotFound() {
    CreatedApiKey created = service.create("ten_a1b2", Mode.TEST, "ci");

    ApiException refused = catchThrowableOfType(ApiException.class,
        () -> service.revoke("ten_other", Mode.TEST, created.key().id()));

    assertThat(refused.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
    assertThat(service.authenticate(created.secret())).isPresent();
  }

  @Test
  void revokingTwiceAnswersTheFirstTimeAndSaysWhichCallRevoked() {
    CreatedApiKey created = service.create("ten_a1b2", Mode.TEST, "ci");
    ApiKeyService.Revocation first = service.revoke("ten_a1b2", Mode.TEST, created.key().id());
    clock.advance(java.time.Duration.ofSeconds(5));
    ApiKeyService.Revocation repeat = service.revoke("ten_a1b2", Mode.TEST, created.key().id());

    assertThat(first.byThisCall()).isTrue();
    assertThat(repeat.byThisCall()).isFalse();
    assertThat(repeat.revokedAt()).isEqualTo(first.revokedAt());
  }

  @Test
  void aKeyIdThatIsNotOursAnswersNotFoundWithoutALookup() {
    for (String keyId : new String[] {"key_1", "../../etc", "x".repeat(5000), "KEY_01JD0000000000000000000000"}) {
      assertThat(catchThrowableOfType(ApiException.class, () -> service.revoke("ten_a1b2", Mode.TEST, keyId)).code())
          .isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
    }
  }

  @Test
  void badNamesAreFieldErrors() {
    for (String name : new String[] {null, "", "   ", "x".repeat(101), "tab\tname"}) {
      ApiException refused = catchThrowableOfType(ApiException.class, () -> service.create("ten_a1b2", Mode.TEST, name));
      assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
      assertThat(refused.fieldErrors()).containsKey("name");
    }
    assertThat(service.list("ten_a1b2", Mode.TEST)).isEmpty();
  }
}

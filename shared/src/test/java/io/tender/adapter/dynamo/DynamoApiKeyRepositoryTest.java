package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.apikey.ApiKey;
import io.tender.core.tenant.Mode;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedEngines.class)
class DynamoApiKeyRepositoryTest {
  private static LocalTender tender;
  private static DynamoApiKeyRepository repository;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    repository = new DynamoApiKeyRepository(tender.clients().dynamoDb(), tender.tableName());
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  @Test
  void aKeyIsFoundByItsHashAndListedWithoutItsSecret() {
    ApiKey key = key("ten_find", Mode.TEST, "key_find1", "hash-find-1", "2026-11-23T10:00:00Z");
    repository.create(key);

    assertThat(repository.findBySecretHash("hash-find-1")).contains(key);
    assertThat(repository.findBySecretHash("hash-unknown")).isEmpty();
    assertThat(repository.list("ten_find", Mode.TEST)).containsExactly(key);
  }

  @Test
  void listsAreNewestFirstAndNeverCrossTenantOrMode() {
    // Ids are time-ordered in production (RandomIdGenerator); these sort the same way.
    repository.create(key("ten_list", Mode.TEST, "key_01old", "hash-list-old", "2026-11-23T10:00:00Z"));
    repository.create(key("ten_list", Mode.TEST, "key_02new", "hash-list-new", "2026-11-23T11:00:00Z"));
    repository.create(key("ten_list", Mode.LIVE, "key_live", "hash-list-live", "2026-11-23T11:00:00Z"));
    repository.create(key("ten_othr", Mode.TEST, "key_othr", "hash-list-othr", "2026-11-23T11:00:00Z"));

    assertThat(repository.list("ten_list", Mode.TEST)).extracting(ApiKey::id).containsExactly("key_02new", "key_01old");
    assertThat(repository.list("ten_list", Mode.LIVE)).extracting(ApiKey::id).containsExactly("key_live");
  }

  @Test
  void revocationReachesTheHashLookupAndIsOnlyRecordedOnce() throws Exception {
    repository.create(key("ten_rev", Mode.TEST, "key_rev", "hash-rev", "2026-11-23T10:00:00Z"));
    Instant at = Instant.parse("2026-11-23T12:00:00Z");

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Optional<Instant>>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Instant attempt = at.plusSeconds(i);
      results.add(pool.submit(() -> repository.revoke("ten_rev", Mode.TEST, "key_rev", attempt)));
    }
    pool.shutdown();
    List<Instant> answers = new ArrayList<>();
    for (Future<Optional<Instant>> result : results) {
      answers.add(result.get().orElseThrow());
    }

    Instant recorded = repository.findBySecretHash("hash-rev").orElseThrow().revokedAt().orElseThrow();
    assertThat(answers).as("every caller is told the one recorded time").containsOnly(recorded);
    assertThat(repository.list("ten_rev", Mode.TEST).get(0).revokedAt()).contains(recorded);
  }

  @Test
  void anotherTenantsKeyCannotBeRevoked() {
    repository.create(key("ten_mine", Mode.TEST, "key_mine", "hash-mine", "2026-11-23T10:00:00Z"));

    assertThat(repository.revoke("ten_thief", Mode.TEST, "key_mine", Instant.now())).isEmpty();
    assertThat(repository.revoke("ten_mine", Mode.LIVE, "key_mine", Instant.now())).isEmpty();
    assertThat(repository.findBySecretHash("hash-mine").orElseThrow().active()).isTrue();
  }

  private static ApiKey key(String tenant, Mode mode, String id, String hash, String createdAt) {
    return new ApiKey(id, tenant, mode, "name " + id, hash, "abcd", Instant.parse(createdAt), Optional.empty());
  }
}

package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.link.LinkSession;
import io.tender.core.link.PaymentLink;
import io.tender.core.link.PaymentLinkRepository.Deactivated;
import io.tender.core.link.PaymentLinkRepository.LinkPosition;
import io.tender.core.link.PaymentLinkRepository.UseClaim;
import io.tender.core.link.PaymentLinkStatus;
import io.tender.core.money.Money;
import io.tender.core.tenant.Mode;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedEngines.class)
class DynamoPaymentLinkRepositoryTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static LocalTender tender;
  private static DynamoPaymentLinkRepository repository;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    repository = new DynamoPaymentLinkRepository(tender.clients().dynamoDb(), tender.tableName());
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  @Test
  void aLinkIsFoundBySlugAndUnderItsTenantOnly() {
    PaymentLink link = link("ten_find", Mode.TEST, "summer-promo", OptionalLong.of(5), NOW);

    assertThat(repository.create(link)).isTrue();

    assertThat(repository.findBySlug("summer-promo")).contains(link);
    assertThat(repository.find("ten_find", Mode.TEST, "summer-promo")).contains(link);
    assertThat(repository.find("ten_other", Mode.TEST, "summer-promo")).isEmpty();
    assertThat(repository.find("ten_find", Mode.LIVE, "summer-promo")).isEmpty();
    assertThat(repository.findBySlug("no-such-link")).isEmpty();
  }

  @Test
  void aSlugIsOneLinksAcrossTenantsAndModes() {
    assertThat(repository.create(link("ten_first", Mode.TEST, "taken-slug", OptionalLong.empty(), NOW))).isTrue();

    assertThat(repository.create(link("ten_second", Mode.TEST, "taken-slug", OptionalLong.empty(), NOW))).isFalse();
    assertThat(repository.create(link("ten_first", Mode.LIVE, "taken-slug", OptionalLong.empty(), NOW))).isFalse();
    assertThat(repository.findBySlug("taken-slug").orElseThrow().tenantId()).isEqualTo("ten_first");
    assertThat(repository.find("ten_second", Mode.TEST, "taken-slug")).isEmpty();
  }

  @Test
  void tenConcurrentClaimsOnALimitOfThreeCountExactlyThree() throws Exception {
    repository.create(link("ten_race", Mode.TEST, "race-limit-3", OptionalLong.of(3), NOW));

    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<UseClaim>> claims = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      claims.add(pool.submit(() -> {
        start.await();
        return repository.claimUse("ten_race", Mode.TEST, "race-limit-3", NOW.plusSeconds(1));
      }));
    }
    start.countDown();
    int claimed = 0;
    int refused = 0;
    for (Future<UseClaim> claim : claims) {
      switch (claim.get()) {
        case UseClaim.Claimed c -> claimed++;
        case UseClaim.Refused r -> {
          assertThat(r.link().usageLimitReached()).isTrue();
          refused++;
        }
        case UseClaim.Missing m -> throw new AssertionError("the link exists");
      }
    }
    pool.shutdown();

    assertThat(claimed).isEqualTo(3);
    assertThat(refused).isEqualTo(7);
    assertThat(repository.find("ten_race", Mode.TEST, "race-limit-3").orElseThrow().usageCount()).isEqualTo(3);
  }

  @Test
  void aReleasedUseCanBeClaimedAgainAndReleasesNeverGoBelowZero() {
    repository.create(link("ten_rel", Mode.TEST, "release-me", OptionalLong.of(1), NOW));

    assertThat(repository.claimUse("ten_rel", Mode.TEST, "release-me", NOW)).isInstanceOf(UseClaim.Claimed.class);
    assertThat(repository.claimUse("ten_rel", Mode.TEST, "release-me", NOW)).isInstanceOf(UseClaim.Refused.class);
    repository.releaseUse("ten_rel", Mode.TEST, "release-me");
    UseClaim again = repository.claimUse("ten_rel", Mode.TEST, "release-me", NOW);
    assertThat(again).isInstanceOf(UseClaim.Claimed.class);
    assertThat(((UseClaim.Claimed) again).link().usageCount()).isEqualTo(1);

    repository.releaseUse("ten_rel", Mode.TEST, "release-me");
    repository.releaseUse("ten_rel", Mode.TEST, "release-me");
    repository.releaseUse("ten_other", Mode.TEST, "release-me");
    assertThat(repository.find("ten_rel", Mode.TEST, "release-me").orElseThrow().usageCount()).isZero();
  }

  @Test
  void claimsAreRefusedOnceTheLinkIsInactiveOrExpired() {
    PaymentLink expiring = link("ten_refuse", Mode.TEST, "expiring-link", OptionalLong.empty(), NOW);
    repository.create(expiring);
    repository.create(link("ten_refuse", Mode.TEST, "switched-off", OptionalLong.empty(), NOW));

    assertThat(repository.claimUse("ten_refuse", Mode.TEST, "expiring-link", expiring.expiresAt().minusMillis(1)))
        .isInstanceOf(UseClaim.Claimed.class);
    UseClaim late = repository.claimUse("ten_refuse", Mode.TEST, "expiring-link", expiring.expiresAt());
    assertThat(late).isInstanceOf(UseClaim.Refused.class);
    assertThat(((UseClaim.Refused) late).link().usageCount()).as("a refusal counts nothing").isEqualTo(1);

    repository.deactivate("ten_refuse", Mode.TEST, "switched-off", NOW);
    UseClaim off = repository.claimUse("ten_refuse", Mode.TEST, "switched-off", NOW);
    assertThat(off).isInstanceOfSatisfying(UseClaim.Refused.class,
        refused -> assertThat(refused.link().status()).isEqualTo(PaymentLinkStatus.INACTIVE));
    assertThat(repository.claimUse("ten_refuse", Mode.TEST, "no-such-link", NOW)).isInstanceOf(UseClaim.Missing.class);
    assertThat(repository.claimUse("ten_thief", Mode.TEST, "switched-off", NOW)).isInstanceOf(UseClaim.Missing.class);
  }

  @Test
  void anUnlimitedLinkCountsEveryUse() {
    repository.create(link("ten_unl", Mode.TEST, "no-limit", OptionalLong.empty(), NOW));

    for (int i = 0; i < 5; i++) {
      assertThat(repository.claimUse("ten_unl", Mode.TEST, "no-limit", NOW)).isInstanceOf(UseClaim.Claimed.class);
    }
    assertThat(repository.find("ten_unl", Mode.TEST, "no-limit").orElseThrow().usageCount()).isEqualTo(5);
  }

  @Test
  void deactivationHappensOnceAndOnlyForTheOwner() {
    repository.create(link("ten_deact", Mode.TEST, "deact-me", OptionalLong.empty(), NOW));
    Instant first = NOW.plusSeconds(10);

    assertThat(repository.deactivate("ten_thief", Mode.TEST, "deact-me", first)).isEmpty();
    assertThat(repository.deactivate("ten_deact", Mode.LIVE, "deact-me", first)).isEmpty();
    Deactivated firstCall = repository.deactivate("ten_deact", Mode.TEST, "deact-me", first).orElseThrow();
    Deactivated secondCall = repository.deactivate("ten_deact", Mode.TEST, "deact-me", first).orElseThrow();
    PaymentLink off = firstCall.link();
    PaymentLink again = secondCall.link();

    assertThat(firstCall.byThisCall()).isTrue();
    assertThat(secondCall.byThisCall()).as("even at the same instant").isFalse();
    assertThat(off.status()).isEqualTo(PaymentLinkStatus.INACTIVE);
    assertThat(off.deactivatedAt()).contains(first);
    assertThat(again.deactivatedAt()).as("the first deactivation stands").contains(first);
    assertThat(again.version()).isEqualTo(off.version());
  }

  @Test
  void listsAreNewestFirstPagedAndNeverCrossTenantOrMode() {
    for (int i = 1; i <= 5; i++) {
      repository.create(link("ten_list", Mode.TEST, "list-" + i, OptionalLong.empty(), NOW.plusSeconds(i)));
    }
    repository.create(link("ten_list", Mode.LIVE, "list-live", OptionalLong.empty(), NOW));
    repository.create(link("ten_lost", Mode.TEST, "list-other", OptionalLong.empty(), NOW));

    List<PaymentLink> first = repository.list("ten_list", Mode.TEST, Optional.empty(), 2);
    PaymentLink last = first.get(1);
    List<PaymentLink> second = repository.list("ten_list", Mode.TEST,
        Optional.of(new LinkPosition(last.createdAt(), last.slug())), 10);

    assertThat(first).extracting(PaymentLink::slug).containsExactly("list-5", "list-4");
    assertThat(second).extracting(PaymentLink::slug).containsExactly("list-3", "list-2", "list-1");
    assertThat(repository.list("ten_list", Mode.LIVE, Optional.empty(), 10)).extracting(PaymentLink::slug)
        .containsExactly("list-live");
  }

  @Test
  void sessionsAreKeptWithTheLinkNewestFirst() {
    repository.create(link("ten_sess", Mode.TEST, "with-sessions", OptionalLong.empty(), NOW));
    for (int i = 1; i <= 3; i++) {
      repository.recordSession("ten_sess", Mode.TEST, "with-sessions",
          new LinkSession("cs_0000000000000000000000000" + i, "pay_" + i, NOW.plusSeconds(i)));
    }
    repository.recordSession("ten_sess", Mode.TEST, "with-sessions",
        new LinkSession("cs_00000000000000000000000003", "pay_3", NOW.plusSeconds(3)));

    assertThat(repository.sessions("ten_sess", Mode.TEST, "with-sessions", Optional.empty(), 10))
        .extracting(LinkSession::paymentId).containsExactly("pay_3", "pay_2", "pay_1");
    assertThat(repository.sessions("ten_sess", Mode.TEST, "with-sessions",
        Optional.of("cs_00000000000000000000000003"), 1)).extracting(LinkSession::paymentId).containsExactly("pay_2");
    assertThat(repository.sessions("ten_sess", Mode.TEST, "with-sessions",
        Optional.of("cs_00000000000000000000000001"), 10)).as("the link item itself is not a session").isEmpty();
    assertThat(repository.sessions("ten_other", Mode.TEST, "with-sessions", Optional.empty(), 10)).isEmpty();
  }

  private static PaymentLink link(String tenant, Mode mode, String slug, OptionalLong limit, Instant createdAt) {
    return new PaymentLink(slug, tenant, mode, Money.ofMinor(9900, "USD"), "promo_ref", "https://shop.test/ok",
        "https://shop.test/cancel", NOW.plusSeconds(3600), limit, 0, PaymentLinkStatus.ACTIVE, createdAt,
        Optional.empty(), 1);
  }
}

package io.tender.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tender.adapter.dynamo.DynamoCheckoutSessionRepository;
import io.tender.adapter.dynamo.DynamoPaymentLinkRepository;
import io.tender.adapter.dynamo.DynamoPaymentRepository;
import io.tender.core.auth.Principal;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.money.AmountPolicy;
import io.tender.core.payment.PaymentState;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.CheckoutCreated;
import io.tender.core.provider.CheckoutRequest;
import io.tender.core.provider.CheckoutState;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.ProviderUnavailableException;
import io.tender.core.provider.RefundRequest;
import io.tender.core.provider.RefundState;
import io.tender.core.tenant.InMemoryTenantRepository;
import io.tender.core.tenant.Mode;
import io.tender.core.tenant.Tenant;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import io.tender.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Payment links on DynamoDB Local, opening real checkout sessions through a scripted provider. */
@ExtendWith(SharedEngines.class)
class PaymentLinksIntegrationTest {
  private static final String FUTURE = "2026-12-31T23:59:59Z";
  private static LocalTender tender;
  private static DynamoPaymentLinkRepository repository;
  private static DynamoPaymentRepository payments;
  private static DynamoCheckoutSessionRepository sessions;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
  private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
  private final ScriptedProvider provider = new ScriptedProvider();
  private PaymentLinks links;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    repository = new DynamoPaymentLinkRepository(tender.clients().dynamoDb(), tender.tableName());
    payments = new DynamoPaymentRepository(tender.clients().dynamoDb(), tender.tableName());
    sessions = new DynamoCheckoutSessionRepository(tender.clients().dynamoDb(), tender.tableName(), payments);
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  @BeforeEach
  void wire() {
    Random random = new Random();
    CheckoutSessions checkouts = new CheckoutSessions(sessions, tenants, provider, AmountPolicy.standard(),
        new RandomIdGenerator(clock, random), clock);
    links = new PaymentLinks(repository, checkouts, tenants, AmountPolicy.standard(), random, clock);
  }

  @Test
  void everyInvalidFieldIsReportedAtOnce() {
    ApiException refused = catchThrowableOfType(ApiException.class, () -> links.create(merchant("ten_valid"),
        new CreatePaymentLink("Not A Slug", null, "USD", "", "2026-11-23T11:00:00Z", 0L, "ftp://x", null)));

    assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(refused.fieldErrors()).containsOnlyKeys("slug", "amount", "reference", "expires_at", "usage_limit",
        "successUrl", "cancelUrl");
    assertThat(catchThrowableOfType(ApiException.class, () -> links.create(merchant("ten_valid"),
        request("ab", 100L, "not-a-time", null))).fieldErrors()).containsOnlyKeys("slug", "expires_at");
  }

  @Test
  void amountsFollowTheAmountPolicy() {
    assertThat(catchThrowableOfType(ApiException.class, () -> links.create(merchant("ten_amount"),
        request("zero-amount", 0L, FUTURE, null))).code()).isEqualTo(ErrorCode.INVALID_AMOUNT);
    assertThat(catchThrowableOfType(ApiException.class, () -> links.create(merchant("ten_amount"),
        new CreatePaymentLink("bad-currency", 100L, "ABC", "ref", FUTURE, null, "https://a.test/", "https://a.test/")))
        .code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(repository.findBySlug("zero-amount")).isEmpty();
  }

  @Test
  void aGeneratedSlugAndTheApprovedDomainFillWhatTheMerchantLeftOut() {
    tenants.create(new Tenant("ten_defaults", "Defaults", List.of("shop.example"), clock.instant()));

    PaymentLink link = links.create(merchant("ten_defaults"),
        new CreatePaymentLink(null, 9900L, "USD", "promo_ref", "2026-12-31T23:59:59.123456+07:00", null, null, null));

    assertThat(link.slug()).matches("[0-9a-z]{16}").matches(PaymentLinks.SLUG);
    assertThat(link.successUrl()).isEqualTo("https://shop.example/");
    assertThat(link.cancelUrl()).isEqualTo("https://shop.example/");
    assertThat(link.expiresAt()).isEqualTo(Instant.parse("2026-12-31T16:59:59.123Z"));
    assertThat(link.usageLimit()).isEmpty();
    assertThat(repository.findBySlug(link.slug())).contains(link);

    ApiException noDomain = catchThrowableOfType(ApiException.class, () -> links.create(merchant("ten_nodomain"),
        new CreatePaymentLink(null, 9900L, "USD", "promo_ref", FUTURE, null, null, "https://a.test/")));
    assertThat(noDomain.fieldErrors()).containsOnlyKeys("successUrl");
  }

  @Test
  void aTakenSlugIsAConflictAndLiveLinksRedirectOverHttpsToApprovedDomainsOnly() {
    tenants.create(new io.tender.core.tenant.Tenant("ten_owner", "Owner", List.of("shop.test"), clock.instant()));
    links.create(merchant("ten_owner"), request("owned-slug", 100L, FUTURE, null));

    assertThat(catchThrowableOfType(ApiException.class, () -> links.create(merchant("ten_thief"),
        request("owned-slug", 100L, FUTURE, null))).code()).isEqualTo(ErrorCode.CONFLICT);
    Principal live = new Principal.ApiKeyCaller("ten_owner", Mode.LIVE, "key_1");
    ApiException http = catchThrowableOfType(ApiException.class, () -> links.create(live,
        new CreatePaymentLink("live-http", 100L, "USD", "ref", FUTURE, null, "http://shop.test/", "https://shop.test/")));
    assertThat(http.fieldErrors()).containsOnlyKeys("successUrl");
    ApiException elsewhere = catchThrowableOfType(ApiException.class, () -> links.create(live,
        new CreatePaymentLink("live-elsewhere", 100L, "USD", "ref", FUTURE, null, "https://shop.test/",
            "https://evil.example/")));
    assertThat(elsewhere.fieldErrors()).containsOnlyKeys("cancelUrl");
    assertThat(links.create(live, new CreatePaymentLink("live-ok", 100L, "USD", "ref", FUTURE, null,
        "https://pay.shop.test/done", "https://shop.test/"))).isNotNull();
  }

  @Test
  void tenConcurrentCheckoutsOnALimitOfThreeOpenExactlyThreeSessions() throws Exception {
    links.create(merchant("ten_race"), request("race-three", 2500L, FUTURE, 3L));

    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<PaymentLinks.LinkCheckout>> attempts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      attempts.add(pool.submit(() -> {
        start.await();
        return links.checkout("race-three", List.of("card"));
      }));
    }
    start.countDown();
    List<String> opened = new ArrayList<>();
    int usedUp = 0;
    for (Future<PaymentLinks.LinkCheckout> attempt : attempts) {
      try {
        opened.add(attempt.get().session().session().id());
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(((ApiException) e.getCause()).code()).isEqualTo(ErrorCode.PAYMENT_LINK_USAGE_LIMIT_REACHED);
        usedUp++;
      }
    }
    pool.shutdown();

    assertThat(opened).hasSize(3).doesNotHaveDuplicates();
    assertThat(usedUp).isEqualTo(7);
    assertThat(provider.created.get()).isEqualTo(3);
    assertThat(links.sessions("ten_race", Mode.TEST, "race-three", Optional.empty(), 100).items())
        .extracting(LinkSession::sessionId).containsExactlyInAnyOrderElementsOf(opened);
    PaymentLinks.PublicView view = links.view("race-three");
    assertThat(view.usageLimitReached()).isTrue();
    assertThat(view.canPay()).isFalse();
    assertThat(view.link().usageCount()).isEqualTo(3);
  }

  @Test
  void aSessionOpenedThroughALinkIsTheLinkTenantsPaymentForTheLinkAmount() {
    links.create(merchant("ten_pay"), request("pay-link", 4321L, FUTURE, null));

    PaymentLinks.LinkCheckout checkout = links.checkout("pay-link", null);

    assertThat(checkout.session().session().tenantId()).isEqualTo("ten_pay");
    assertThat(checkout.session().session().redirectUrl()).hasValueSatisfying(url -> assertThat(url).startsWith("https://"));
    assertThat(checkout.session().session().methodTypes()).containsExactly("card");
    assertThat(payments.find("ten_pay", Mode.TEST, checkout.session().payment().id()).orElseThrow().amounts().requested())
        .isEqualTo(4321);
    assertThat(provider.lastRequest.successUrl()).isEqualTo("https://shop.test/ok");
    assertThat(checkout.link().usageCount()).isEqualTo(1);
  }

  @Test
  void aUseIsGivenBackWhenTheProviderRefusesOrDoesNotAnswer() {
    links.create(merchant("ten_release"), request("give-back", 100L, FUTURE, 1L));

    provider.answer = request -> {
      throw new ProviderRefusedException("scripted", ProviderRefusedException.Refusal.AMOUNT_TOO_SMALL, null, "small");
    };
    assertThat(catchThrowableOfType(ApiException.class, () -> links.checkout("give-back", null)).code())
        .isEqualTo(ErrorCode.INVALID_AMOUNT);
    provider.answer = request -> {
      throw new ProviderUnavailableException("scripted", "timed out");
    };
    assertThat(catchThrowableOfType(ApiException.class, () -> links.checkout("give-back", null)).code())
        .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(repository.find("ten_release", Mode.TEST, "give-back").orElseThrow().usageCount()).isZero();
    assertThat(links.sessions("ten_release", Mode.TEST, "give-back", Optional.empty(), 10).items()).isEmpty();

    provider.answer = ScriptedProvider::opened;
    PaymentLinks.LinkCheckout opened = links.checkout("give-back", null);
    assertThat(opened.link().usageCount()).isEqualTo(1);
    assertThat(payments.find("ten_release", Mode.TEST, opened.session().payment().id()).orElseThrow().state())
        .isNotEqualTo(PaymentState.FAILED);
  }

  @Test
  void inactiveExpiredAndUnknownLinksAreRefusedClearlyAndBadRequestsUseNothing() {
    links.create(merchant("ten_refuse"), request("soon-gone", 100L, "2026-11-23T12:10:00Z", 5L));
    links.create(merchant("ten_refuse"), request("switched-off", 100L, FUTURE, 5L));

    ApiException badTypes = catchThrowableOfType(ApiException.class, () -> links.checkout("soon-gone", List.of("Card!")));
    assertThat(badTypes.fieldErrors()).containsKey("methodTypes");
    assertThat(repository.find("ten_refuse", Mode.TEST, "soon-gone").orElseThrow().usageCount()).isZero();

    clock.advance(Duration.ofMinutes(10));
    ApiException expired = catchThrowableOfType(ApiException.class, () -> links.checkout("soon-gone", null));
    assertThat(expired.code()).isEqualTo(ErrorCode.PAYMENT_LINK_EXPIRED);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(links.view("soon-gone").isExpired()).isTrue();

    PaymentLinks.Deactivation off = links.deactivate("ten_refuse", Mode.TEST, "switched-off");
    assertThat(off.byThisCall()).isTrue();
    assertThat(links.deactivate("ten_refuse", Mode.TEST, "switched-off").byThisCall()).isFalse();
    ApiException inactive = catchThrowableOfType(ApiException.class, () -> links.checkout("switched-off", null));
    assertThat(inactive.code()).isEqualTo(ErrorCode.PAYMENT_LINK_INACTIVE);
    assertThat(inactive.status()).isEqualTo(409);

    assertThat(catchThrowableOfType(ApiException.class, () -> links.checkout("never-made", null)).status())
        .isEqualTo(404);
    assertThat(catchThrowableOfType(ApiException.class, () -> links.view("../etc")).status()).isEqualTo(404);
    assertThat(catchThrowableOfType(ApiException.class,
        () -> links.deactivate("ten_thief", Mode.TEST, "soon-gone")).status()).isEqualTo(404);
    assertThat(provider.created.get()).isZero();
  }

  @Test
  void listsPageNewestFirstWithCursorsOnlyTheirOwnListingAccepts() {
    for (int i = 1; i <= 5; i++) {
      clock.advance(Duration.ofSeconds(1));
      links.create(merchant("ten_pages"), request("page-" + i, 100L, FUTURE, null));
    }

    LinkPage<PaymentLink> first = links.list("ten_pages", Mode.TEST, Optional.empty(), 2);
    LinkPage<PaymentLink> second = links.list("ten_pages", Mode.TEST, first.nextCursor(), 2);
    LinkPage<PaymentLink> third = links.list("ten_pages", Mode.TEST, second.nextCursor(), 2);

    assertThat(first.items()).extracting(PaymentLink::slug).containsExactly("page-5", "page-4");
    assertThat(second.items()).extracting(PaymentLink::slug).containsExactly("page-3", "page-2");
    assertThat(third.items()).extracting(PaymentLink::slug).containsExactly("page-1");
    assertThat(third.nextCursor()).isEmpty();
    assertThat(catchThrowableOfType(ApiException.class,
        () -> links.list("ten_other", Mode.TEST, first.nextCursor(), 2)).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(catchThrowableOfType(ApiException.class,
        () -> links.list("ten_pages", Mode.TEST, Optional.of("bm9wZQ"), 2)).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(catchThrowableOfType(ApiException.class,
        () -> links.list("ten_pages", Mode.TEST, Optional.empty(), 0)).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
  }

  private static Principal merchant(String tenantId) {
    return new Principal.ApiKeyCaller(tenantId, Mode.TEST, "key_" + tenantId);
  }

  private static CreatePaymentLink request(String slug, Long amount, String expiresAt, Long usageLimit) {
    return new CreatePaymentLink(slug, amount, "USD", "promo_ref", expiresAt, usageLimit, "https://shop.test/ok",
        "https://shop.test/cancel");
  }

  /** A provider whose answer to a checkout each test sets; opens every checkout by default. */
  static final class ScriptedProvider implements CheckoutConnector {
    final AtomicInteger created = new AtomicInteger();
    volatile Function<CheckoutRequest, CheckoutCreated> answer = ScriptedProvider::opened;
    volatile CheckoutRequest lastRequest;

    static CheckoutCreated opened(CheckoutRequest request) {
      return new CheckoutCreated("prov_" + request.paymentId(), "https://pay.provider.test/" + request.paymentId(),
          request.expiresAt());
    }

    @Override
    public String provider() {
      return "scripted";
    }

    @Override
    public CheckoutCreated createCheckout(CheckoutRequest request) {
      lastRequest = request;
      CheckoutCreated opened = answer.apply(request);
      created.incrementAndGet();
      return opened;
    }

    @Override
    public CheckoutState fetchCheckout(String checkoutId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CheckoutState expireCheckout(String checkoutId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RefundState refund(RefundRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RefundState fetchRefund(String providerRefundId) {
      throw new UnsupportedOperationException();
    }
  }
}

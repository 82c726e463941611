package io.tender.reliability;

import io.tender.core.auth.Principal;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.checkout.CreateCheckoutSession;
import io.tender.core.error.ApiException;
import io.tender.core.idempotency.IdempotencyKey;
import io.tender.core.idempotency.IdempotentExecution;
import io.tender.core.idempotency.RequestFingerprint;
import io.tender.core.idempotency.StoredResponse;
import io.tender.core.link.CreatePaymentLink;
import io.tender.core.link.PaymentLink;
import io.tender.core.link.PaymentLinks;
import io.tender.core.payment.ProviderReference;
import io.tender.core.provider.ProviderException;
import io.tender.core.refund.CreateRefund;
import io.tender.core.refund.Refunds;
import io.tender.core.tenant.Mode;
import io.tender.reliability.SimulatedProvider.Fault;
import io.tender.reliability.SimulatedProvider.Webhook;
import java.nio.charset.StandardCharsets;
import io.tender.core.settlement.Settlement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One seeded run: a random schedule of merchant, payer, provider and scheduler steps against one
 * tenant, some rounds run concurrently, then everything left is allowed to finish (time passes,
 * every webhook is delivered, the poller runs dry). Every choice comes from the seed: what each
 * step does, which provider call fails and how, and the randomness each step's services draw.
 */
final class SimulationRun {
  static final String CHECKOUT_ROUTE = "POST /api/v1/checkout/sessions";
  static final String REFUND_ROUTE = "POST /api/v1/refunds";
  private static final Duration HOLDER_TIME = Duration.ofSeconds(30);

  /** A checkout session whose hosted page the merchant was given (so a payer can pay it). */
  record Handed(String sessionId, String paymentId, String checkoutId, Instant expiresAt) {}

  /** A link the merchant made. */
  record MadeLink(String slug, Long usageLimit) {}

  /** How one idempotency key was answered, by whichever caller. */
  record KeyAnswer(String key, String kind, String body) {}

  private final int rounds;
  private final RandomGenerator random;
  private final SimulationWorld world;
  private final ExecutorService pool;
  final String tenantId;
  final Principal merchant;

  private final List<String> currencies;
  final List<Handed> handed = new ArrayList<>();
  final List<MadeLink> madeLinks = new ArrayList<>();
  private final Map<String, Set<String>> keyBodies = new ConcurrentHashMap<>();
  private final List<String> checkoutKeys = new ArrayList<>();
  final List<KeyAnswer> keyAnswers = new CopyOnWriteArrayList<>();
  final List<String> unexpected = new CopyOnWriteArrayList<>();
  final List<String> trace = new ArrayList<>();

  SimulationRun(long seed, int rounds, SimulationWorld world, ExecutorService pool, String tenantId) {
    this.rounds = rounds;
    this.random = ThreadSeededRandom.seeded(seed);
    this.world = world;
    this.pool = pool;
    this.tenantId = tenantId;
    this.merchant = new Principal.ApiKeyCaller(tenantId, Mode.TEST, "key_sim");
    // One or two currencies a run: enough to check that books balance per currency.
    List<String> all = new ArrayList<>(List.of("USD", "EUR", "JPY"));
    Collections.shuffle(all, Random.from(random));
    this.currencies = List.copyOf(all.subList(0, 1 + random.nextInt(2)));
  }

  void run() {
    for (int round = 0; round < rounds; round++) {
      if (random.nextInt(100) < 25 && !handed.isEmpty()) {
        concurrently(round, race());
      } else {
        Step step = step();
        trace.add(round + ": " + step);
        apply(List.of(execute(step)));
      }
    }
    settleEverything();
  }

  // --- steps ---

  /** One thing that happens, drawn in full before it runs. */
  private sealed interface Step {}

  private record CreateCheckout(long amount, String currency, Optional<String> idempotencyKey, Fault fault, long ids)
      implements Step {}

  private record CreateLink(long amount, String currency, Long usageLimit, long ids) implements Step {}

  private record LinkCheckout(String slug, Fault fault, long ids) implements Step {}

  /** The payer acts on the hosted page; the provider's first webhook may arrive at once, as it usually does. */
  private record Pay(Handed session, boolean declined, boolean deliveredAtOnce) implements Step {}

  private record Deliver(Webhook webhook, boolean redeliverLater, Fault fault, long ids) implements Step {}

  private record Refund(String paymentId, long amount, Optional<String> idempotencyKey, Fault fault, long ids)
      implements Step {}

  private record Poll(Fault fault, long ids) implements Step {}

  private record Advance(Duration by) implements Step {}

  /** What a step produced that later steps may use. */
  private sealed interface Result {}

  private record Nothing() implements Result {}

  private record SessionHanded(Handed session) implements Result {}

  private record LinkMade(MadeLink link) implements Result {}

  private Step step() {
    List<Webhook> pending = world.provider.pendingWebhooks();
    int roll = random.nextInt(100);
    if (roll < 14 || handed.isEmpty()) {
      return createCheckout(Optional.empty());
    }
    if (roll < 19 && madeLinks.size() < 2) {
      String currency = pick(currencies);
      return new CreateLink(amount(currency), currency, random.nextInt(4) == 0 ? null : (long) (1 + random.nextInt(3)),
          random.nextLong());
    }
    if (roll < 26 && !madeLinks.isEmpty()) {
      return new LinkCheckout(pick(madeLinks).slug(), fault(Fault.UNAVAILABLE_BEFORE, Fault.UNAVAILABLE_AFTER,
          Fault.REFUSED, Fault.STALL), random.nextLong());
    }
    if (roll < 46) {
      return new Pay(pick(handed), random.nextInt(6) == 0, random.nextBoolean());
    }
    if (roll < 66 && !pending.isEmpty()) {
      return deliver(pick(pending));
    }
    if (roll < 86) {
      return refund(paidIfAny());
    }
    if (roll < 90) {
      return expiryPoll();
    }
    if (roll < 94) {
      return new Poll(fault(Fault.UNAVAILABLE_BEFORE, Fault.UNAVAILABLE_AFTER, Fault.REFUSED, Fault.STALE, Fault.STALL),
          random.nextLong());
    }
    return new Advance(Duration.ofMillis(60_000L + random.nextLong(25 * 60_000L)));
  }

  /** Mostly a session the payer paid, since refunding an unpaid one is refused at once. */
  private Handed paidIfAny() {
    List<Handed> paid = handed.stream().filter(session -> world.provider.checkout(session.checkoutId())
        .filter(checkout -> checkout.status == SimulatedProvider.Status.PAID).isPresent()).toList();
    return paid.isEmpty() || random.nextInt(5) == 0 ? pick(handed) : pick(paid);
  }

  /** Two or three steps meant to collide. */
  private List<Step> race() {
    int width = 2 + random.nextInt(2);
    List<Step> steps = new ArrayList<>();
    switch (random.nextInt(6)) {
      case 0 -> {
        Handed session = paidIfAny();
        for (int i = 0; i < width; i++) {
          steps.add(refund(session));
        }
      }
      case 1 -> {
        if (madeLinks.isEmpty()) {
          return List.of(createCheckout(Optional.empty()), expiryPoll());
        }
        String slug = pick(madeLinks).slug();
        for (int i = 0; i < width; i++) {
          steps.add(new LinkCheckout(slug, fault(Fault.UNAVAILABLE_BEFORE, Fault.UNAVAILABLE_AFTER, Fault.STALL),
              random.nextLong()));
        }
      }
      case 2 -> {
        CreateCheckout first = createCheckout(Optional.of("race-" + random.nextInt(1_000_000)));
        steps.add(first);
        for (int i = 1; i < width; i++) {
          steps.add(new CreateCheckout(first.amount(), first.currency(), first.idempotencyKey(),
              fault(Fault.UNAVAILABLE_BEFORE, Fault.STALL), random.nextLong()));
        }
      }
      case 3 -> {
        // The payer pays as the session's time runs out and the poller expires it.
        Handed session = pick(handed);
        Instant now = world.clock.instant();
        if (session.expiresAt().isAfter(now)) {
          Instant dueSecond = session.expiresAt().truncatedTo(ChronoUnit.SECONDS);
          world.clock.set(dueSecond.isAfter(now) ? dueSecond : session.expiresAt());
        }
        steps.add(new Pay(session, false, false));
        steps.add(expiryPoll());
      }
      case 4 -> {
        List<Webhook> pending = world.provider.pendingWebhooks();
        if (pending.isEmpty()) {
          return List.of(new Pay(pick(handed), false, true), refund(paidIfAny()));
        }
        Webhook webhook = pick(pending);
        for (int i = 0; i < width; i++) {
          steps.add(new Deliver(webhook, false, fault(Fault.STALE, Fault.STALL), random.nextLong()));
        }
      }
      default -> {
        for (int i = 0; i < width; i++) {
          Step step = step();
          steps.add(step instanceof Advance ? expiryPoll() : step);
        }
      }
    }
    return steps;
  }

  private CreateCheckout createCheckout(Optional<String> fixedKey) {
    String currency = pick(currencies);
    Optional<String> key = fixedKey;
    if (key.isEmpty()) {
      int roll = random.nextInt(10);
      if (roll < 3) {
        key = Optional.of("order-" + random.nextInt(1_000_000));
        checkoutKeys.add(key.get());
      } else if (roll < 5 && !checkoutKeys.isEmpty()) {
        key = Optional.of(pick(checkoutKeys));
      }
    }
    return new CreateCheckout(amount(currency), currency, key,
        fault(Fault.UNAVAILABLE_BEFORE, Fault.UNAVAILABLE_AFTER, Fault.REFUSED, Fault.STALL), random.nextLong());
  }

  private Refund refund(Handed session) {
    long amount = switch (random.nextInt(4)) {
      case 0 -> 1 + random.nextInt(50);
      case 1 -> 100 + random.nextInt(400);
      case 2 -> 1_000;
      default -> 5_000;
    };
    Optional<String> key = random.nextInt(3) == 0 ? Optional.of("refund-" + random.nextInt(1_000)) : Optional.empty();
    return new Refund(session.paymentId(), amount, key,
        fault(Fault.UNAVAILABLE_BEFORE, Fault.UNAVAILABLE_AFTER, Fault.REFUSED, Fault.STALL), random.nextLong());
  }

  private Deliver deliver(Webhook webhook) {
    return new Deliver(webhook, random.nextInt(4) == 0,
        fault(Fault.UNAVAILABLE_BEFORE, Fault.REFUSED, Fault.STALE, Fault.STALL), random.nextLong());
  }

  /** The poller run as sessions end: it expires them, so its faults are those of an expiry. */
  private Poll expiryPoll() {
    return new Poll(fault(Fault.UNAVAILABLE_BEFORE, Fault.UNAVAILABLE_AFTER, Fault.REFUSED, Fault.STALL),
        random.nextLong());
  }

  private long amount(String currency) {
    long amount = List.of(500L, 1_000L, 1_999L, 5_000L, 12_345L).get(random.nextInt(5));
    return "JPY".equals(currency) ? amount / 10 : amount;
  }

  /** No fault three times in four; otherwise one of {@code faults}. */
  private Fault fault(Fault... faults) {
    return random.nextInt(4) == 0 ? faults[random.nextInt(faults.length)] : Fault.NONE;
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  // --- running steps ---

  private void concurrently(int round, List<Step> steps) {
    trace.add(round + ": together " + steps);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Result>> futures = new ArrayList<>();
    for (Step step : steps) {
      futures.add(pool.submit(() -> {
        start.await();
        return execute(step);
      }));
    }
    start.countDown();
    List<Result> results = new ArrayList<>();
    for (Future<Result> future : futures) {
      try {
        results.add(future.get(60, TimeUnit.SECONDS));
      } catch (InterruptedException | ExecutionException | TimeoutException e) {
        unexpected.add("a concurrent step did not finish: " + e);
        results.add(new Nothing());
      }
    }
    apply(results);
  }

  private void apply(List<Result> results) {
    for (Result result : results) {
      switch (result) {
        case SessionHanded session -> {
          if (handed.stream().noneMatch(known -> known.sessionId().equals(session.session().sessionId()))) {
            handed.add(session.session());
          }
        }
        case LinkMade link -> madeLinks.add(link.link());
        case Nothing nothing -> { }
      }
    }
  }

  /** Runs one step on this thread, with its own randomness and its provider fault armed. */
  private Result execute(Step step) {
    try {
      return switch (step) {
        case CreateCheckout create -> {
          prepare(create.ids(), create.fault());
          yield createCheckout(create);
        }
        case CreateLink link -> {
          prepare(link.ids(), Fault.NONE);
          PaymentLink made = world.links.create(merchant, new CreatePaymentLink(null, link.amount(), link.currency(),
              "link order", world.clock.instant().plus(Duration.ofHours(1)).toString(), link.usageLimit(),
              "https://shop.sim/paid", "https://shop.sim/cancelled"));
          yield new LinkMade(new MadeLink(made.slug(), link.usageLimit()));
        }
        case LinkCheckout checkout -> {
          prepare(checkout.ids(), checkout.fault());
          PaymentLinks.LinkCheckout opened = world.links.checkout(checkout.slug(), List.of("card"));
          yield new SessionHanded(handed(opened.session()));
        }
        case Pay pay -> {
          int owed = world.provider.pendingWebhooks().size();
          if (pay.declined()) {
            world.provider.decline(pay.session().checkoutId());
          } else {
            world.provider.pay(pay.session().checkoutId());
          }
          if (pay.deliveredAtOnce()) {
            world.provider.pendingWebhooks().stream().skip(owed)
                .filter(webhook -> webhook.checkoutId().equals(pay.session().checkoutId())).findFirst()
                .ifPresent(webhook -> deliver(webhook, false));
          }
          yield new Nothing();
        }
        case Deliver deliver -> {
          prepare(deliver.ids(), deliver.fault());
          deliver(deliver.webhook(), deliver.redeliverLater());
          yield new Nothing();
        }
        case Refund refund -> {
          prepare(refund.ids(), refund.fault());
          refund(refund);
          yield new Nothing();
        }
        case Poll poll -> {
          prepare(poll.ids(), poll.fault());
          world.poller.poll(10);
          yield new Nothing();
        }
        case Advance advance -> {
          world.clock.advance(advance.by());
          yield new Nothing();
        }
      };
    } catch (ApiException answered) {
      return new Nothing(); // a 4xx or 5xx the caller is told about; the invariants judge what it left behind
    } catch (ProviderException providerFailed) {
      if (!(step instanceof Deliver || step instanceof Poll)) {
        unexpected.add(step + " let a provider failure escape: " + providerFailed);
      }
      return new Nothing(); // settlement and the poller are retried by the queue and the schedule
    } catch (RuntimeException failed) {
      unexpected.add(step + " failed: " + describe(failed));
      return new Nothing();
    } finally {
      world.provider.disarm();
    }
  }

  private void prepare(long ids, Fault fault) {
    world.random.reseed(ids);
    world.provider.arm(fault);
  }

  private Result createCheckout(CreateCheckout create) {
    CreateCheckoutSession request = new CreateCheckoutSession(create.amount(), create.currency(), "order " + create.ids(),
        List.of("card"), "https://shop.sim/paid", "https://shop.sim/cancelled");
    if (create.idempotencyKey().isEmpty()) {
      return new SessionHanded(handed(world.checkouts.create(merchant, request)));
    }
    String key = create.idempotencyKey().get();
    String body = create.amount() + " " + create.currency();
    return idempotently(CHECKOUT_ROUTE, key, body, () -> {
      CheckoutSessions.View view = world.checkouts.create(merchant, request);
      Handed session = handed(view);
      return session.sessionId() + " " + session.paymentId() + " " + session.checkoutId() + " " + session.expiresAt();
    }).map(answer -> {
      String[] parts = answer.split(" ");
      return (Result) new SessionHanded(new Handed(parts[0], parts[1], parts[2], Instant.parse(parts[3])));
    }).orElse(new Nothing());
  }

  private void refund(Refund refund) {
    CreateRefund request = new CreateRefund(refund.paymentId(), refund.amount(), "simulated");
    if (refund.idempotencyKey().isEmpty()) {
      world.refunds.refund(merchant, request);
      return;
    }
    idempotently(REFUND_ROUTE, refund.idempotencyKey().get(), refund.paymentId() + " " + refund.amount(), () -> {
      Refunds.Refunded refunded = world.refunds.refund(merchant, request, refund.idempotencyKey());
      return refunded.refundId() + " " + refunded.status();
    });
  }

  /**
   * Runs {@code work} under the idempotency key as the API pipeline does, noting how each call
   * was answered; the work's answer when it ran or was replayed.
   */
  private Optional<String> idempotently(String route, String key, String body,
      Supplier<String> work) {
    IdempotencyKey idempotencyKey = new IdempotencyKey(tenantId, Mode.TEST.wire(), route, key);
    String fingerprint = RequestFingerprint.of("POST", route, body.getBytes(StandardCharsets.UTF_8));
    String name = route + " " + key;
    keyBodies.computeIfAbsent(name, any -> ConcurrentHashMap.newKeySet()).add(body);
    IdempotentExecution.Outcome outcome = world.idempotency.execute(idempotencyKey, fingerprint, HOLDER_TIME, () -> {
      String answer = work.get();
      keyAnswers.add(new KeyAnswer(name, "executed", answer + " for " + body));
      return new StoredResponse(200, answer + " for " + body, Map.of());
    });
    return switch (outcome) {
      case IdempotentExecution.Outcome.Executed executed -> Optional.of(strip(executed.r().body()));
      case IdempotentExecution.Outcome.Replayed replayed -> {
        keyAnswers.add(new KeyAnswer(name, "replayed", replayed.r().body()));
        if (!replayed.r().body().endsWith(" for " + body)) {
          unexpected.add(name + " with body " + body + " was replayed another request's answer: " + replayed.r().body());
        }
        yield Optional.of(strip(replayed.r().body()));
      }
      case IdempotentExecution.Outcome.Conflict conflict -> Optional.empty();
      case IdempotentExecution.Outcome.Mismatched mismatched -> {
        if (keyBodies.get(name).equals(Set.of(body))) {
          unexpected.add(name + " refused as mismatched with the body it was first used with: " + body);
        }
        yield Optional.empty();
      }
    };
  }

  private static String strip(String stored) {
    return stored.substring(0, stored.lastIndexOf(" for "));
  }

  private Handed handed(CheckoutSessions.View view) {
    String checkoutId = view.payment().provider().map(ProviderReference::providerPaymentId)
        .orElseThrow(() -> new IllegalStateException("a session handed out names no provider checkout"));
    return new Handed(view.session().id(), view.payment().id(), checkoutId, view.session().expiresAt());
  }

  /**
   * A webhook arrives: recorded in the inbox, then its hint settled from the provider's answer, as
   * the queue's consumer does on a first receive; a failure leaves it with the provider, which
   * delivers it again, and so does a deferral (the queue hands the hint back).
   */
  private void deliver(Webhook webhook, boolean redeliverLater) {
    byte[] body = ("{\"id\":\"" + webhook.eventId() + "\",\"type\":\"" + webhook.type() + "\",\"object\":\""
        + webhook.objectId() + "\"}").getBytes(StandardCharsets.UTF_8);
    world.inbox.record(SimulatedProvider.NAME, webhook.eventId(), body, world.clock.instant());
    Settlement.Outcome outcome = world.hints.settleOrDefer(webhook.hint(world.provider.provider()));
    if (!redeliverLater && !(outcome instanceof Settlement.Outcome.Deferred)) {
      world.provider.delivered(webhook);
    }
  }

  /**
   * Lets everything finish: hours pass (every session and provider checkout lapses), every webhook
   * is delivered and the poller runs until nothing is due, with no more faults.
   */
  private void settleEverything() {
    world.clock.advance(Duration.ofHours(3));
    trace.add("then: 3 hours pass, every webhook is delivered, the poller runs dry");
    world.provider.lapseAll();
    deliverAll();
    // The poller expires what nobody paid and resolves what nobody told us (refunds whose answer
    // was lost, creates that timed out).
    for (int pass = 0; pass < 6 && stillPolled() > 0; pass++) {
      world.clock.advance(Duration.ofHours(1));
      quietly("polling", () -> world.poller.poll(1000));
      deliverAll();
    }
    if (stillPolled() > 0) {
      unexpected.add(stillPolled() + " payment(s) still need polling after 9 quiet hours");
    }
  }

  private long stillPolled() {
    return world.history.committed().values().stream().map(versions -> versions.lastEntry().getValue())
        .filter(payment -> payment.tenantId().equals(tenantId) && payment.needsPolling()).count();
  }

  private void deliverAll() {
    for (int pass = 0; pass < 5; pass++) {
      List<Webhook> pending = world.provider.pendingWebhooks();
      if (pending.isEmpty()) {
        return;
      }
      pending.forEach(webhook -> quietly("delivering " + webhook, () -> deliver(webhook, false)));
    }
    unexpected.add("webhooks were still owed after 5 passes: " + world.provider.pendingWebhooks());
  }

  private void quietly(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException failed) {
      unexpected.add(what + " with no faults failed: " + describe(failed));
    }
  }

  private static String describe(Throwable failed) {
    StringBuilder text = new StringBuilder(failed.toString());
    StackTraceElement[] frames = failed.getStackTrace();
    for (int i = 0; i < Math.min(6, frames.length); i++) {
      text.append("\n      at ").append(frames[i]);
    }
    return text.toString();
  }
}

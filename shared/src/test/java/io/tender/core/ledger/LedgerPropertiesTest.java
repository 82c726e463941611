package io.tender.core.ledger;

import static io.tender.core.ledger.LedgerAccount.FEES;
import static io.tender.core.ledger.LedgerAccount.MERCHANT_AVAILABLE;
import static io.tender.core.ledger.LedgerAccount.MERCHANT_PENDING;
import static io.tender.core.ledger.LedgerAccount.PROVIDER_CLEARING;
import static io.tender.core.ledger.LedgerAccount.REFUNDS_PAYABLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random lifecycles of payments in several currencies, driven the way the payment rules allow
 * (a refund never exceeds what is left to refund; only open refunds settle or fail), with
 * retried events written through a conditional-put stand-in.
 */
class LedgerPropertiesTest {
  private static final LedgerBook BOOK = new LedgerBook("ten_acme", Mode.TEST);
  private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY");

  sealed interface Step permits Capture, Refund, Release, Settle, Fail, Retry {
  }

  record Capture(int currency, long amount, int feePermille) implements Step {
  }

  record Refund(int payment, int permille) implements Step {
  }

  record Release(int payment) implements Step {
  }

  record Settle(int refund) implements Step {
  }

  record Fail(int refund) implements Step {
  }

  record Retry(int event) implements Step {
  }

  @Provide
  Arbitrary<List<Step>> lifecycles() {
    Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1_000);
    Arbitrary<Step> capture = Combinators.combine(
            Arbitraries.integers().between(0, CURRENCIES.size() - 1),
            Arbitraries.longs().between(1, 5_000_000),
            Arbitraries.integers().between(0, 100))
        .as(Capture::new);
    Arbitrary<Step> refund = Combinators.combine(pick, Arbitraries.integers().between(1, 1_000)).as(Refund::new);
    Arbitrary<Step> release = pick.map(Release::new);
    Arbitrary<Step> settle = pick.map(Settle::new);
    Arbitrary<Step> fail = pick.map(Fail::new);
    Arbitrary<Step> retry = pick.map(Retry::new);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, capture),
            net.jqwik.api.Tuple.of(4, refund),
            net.jqwik.api.Tuple.of(2, release),
            net.jqwik.api.Tuple.of(2, settle),
            net.jqwik.api.Tuple.of(1, fail),
            net.jqwik.api.Tuple.of(2, retry))
        .list().ofMaxSize(60);
  }

  @Property(tries = 300)
  void theLedgerBalancesAndMatchesWhatHappened(@ForAll("lifecycles") List<Step> steps) {
    Lifecycle lifecycle = new Lifecycle();
    steps.forEach(lifecycle::apply);

    List<LedgerEntry> entries = lifecycle.written.values().stream().flatMap(t -> t.entries().stream()).toList();
    Balances balances = Balances.fold(BOOK, entries);
    for (String currency : CURRENCIES) {
      Expected expected = lifecycle.expected.getOrDefault(currency, new Expected());

      assertThat(balances.total(currency)).as("sum over all accounts, %s", currency).isZero();
      assertThat(balances.natural(PROVIDER_CLEARING, currency)).isEqualTo(expected.captured - expected.settled)
          .isNotNegative();
      assertThat(balances.natural(MERCHANT_PENDING, currency)).isEqualTo(expected.pending).isNotNegative();
      assertThat(balances.natural(MERCHANT_AVAILABLE, currency))
          .isEqualTo(expected.released - expected.open - expected.settled);
      assertThat(balances.natural(REFUNDS_PAYABLE, currency)).isEqualTo(expected.open).isNotNegative();
      assertThat(balances.natural(FEES, currency)).isEqualTo(expected.fees);
      assertThat(refundedAccordingToTheLedger(entries, currency))
          .isLessThanOrEqualTo(capturedAccordingToTheLedger(entries, currency));
    }
    for (Payment payment : lifecycle.payments) {
      assertThat(payment.refunded).isBetween(0L, payment.captured);
    }
  }

  @Property(tries = 200)
  void shardedCountersAddUpToTheFold(@ForAll("lifecycles") List<Step> steps) {
    Lifecycle lifecycle = new Lifecycle();
    steps.forEach(lifecycle::apply);

    Map<BalanceKey, ShardedBalance> counters = new HashMap<>();
    for (LedgerTransaction transaction : lifecycle.written.values()) {
      transaction.balanceChanges().forEach((key, change) -> counters.merge(key,
          ShardedBalance.empty(key, BalanceShard.DEFAULT_SHARDS).plus(transaction.id(), change),
          (held, added) -> held.plus(transaction.id(), change)));
    }
    Balances balances = Balances.fold(BOOK,
        lifecycle.written.values().stream().flatMap(t -> t.entries().stream()).toList());

    for (String currency : CURRENCIES) {
      for (LedgerAccount account : LedgerAccount.values()) {
        BalanceKey key = new BalanceKey(account, currency);
        long sharded = counters.getOrDefault(key, ShardedBalance.empty(key, BalanceShard.DEFAULT_SHARDS)).total();
        assertThat(sharded).as("%s", key).isEqualTo(balances.natural(account, currency));
      }
    }
  }

  private static long capturedAccordingToTheLedger(List<LedgerEntry> entries, String currency) {
    return entries.stream()
        .filter(e -> e.currency().equals(currency) && e.account() == PROVIDER_CLEARING && e.direction() == Direction.DEBIT)
        .mapToLong(LedgerEntry::amount).sum();
  }

  /** Refunds committed, less those the provider failed: settled ones are still refunded. */
  private static long refundedAccordingToTheLedger(List<LedgerEntry> entries, String currency) {
    long committed = entries.stream()
        .filter(e -> e.currency().equals(currency) && e.account() == REFUNDS_PAYABLE && e.direction() == Direction.CREDIT)
        .mapToLong(LedgerEntry::amount).sum();
    long failed = entries.stream()
        .filter(e -> e.currency().equals(currency) && e.account() == MERCHANT_AVAILABLE && e.direction() == Direction.CREDIT
            && e.transactionId().value().startsWith("refund_reversal:"))
        .mapToLong(LedgerEntry::amount).sum();
    return committed - failed;
  }

  private static final class Payment {
    final String id;
    final String currency;
    final long captured;
    final long fee;
    long refunded;
    boolean released;

    Payment(String id, String currency, long captured, long fee) {
      this.id = id;
      this.currency = currency;
      this.captured = captured;
      this.fee = fee;
    }
  }

  private record OpenRefund(String id, Payment payment, long amount) {
  }

  private static final class Expected {
    long captured;
    long fees;
    long pending;
    long released;
    long open;
    long settled;
  }

  /** The payment rules, as the caller of {@link Postings} applies them, plus a conditional-put ledger. */
  private static final class Lifecycle {
    final List<Payment> payments = new ArrayList<>();
    final List<OpenRefund> openRefunds = new ArrayList<>();
    final List<Supplier<LedgerTransaction>> events = new ArrayList<>();
    final Map<TransactionId, LedgerTransaction> written = new LinkedHashMap<>();
    final Map<String, Expected> expected = new HashMap<>();
    int refundCount;
    int clock;

    void apply(Step step) {
      Instant at = Instant.EPOCH.plusSeconds(clock++);
      switch (step) {
        case Capture capture -> {
          String currency = CURRENCIES.get(capture.currency());
          long fee = capture.amount() * capture.feePermille() / 1_000;
          Payment payment = new Payment("pay_" + payments.size(), currency, capture.amount(), fee);
          payments.add(payment);
          record(() -> Postings.capture(BOOK, payment.id, payment.captured, payment.fee, currency, at));
          Expected e = expected(currency);
          e.captured += payment.captured;
          e.fees += fee;
          e.pending += payment.captured - fee;
        }
        case Refund refund -> {
          if (payments.isEmpty()) {
            return;
          }
          Payment payment = payments.get(refund.payment() % payments.size());
          long left = payment.captured - payment.refunded;
          if (left == 0) {
            return;
          }
          long amount = Math.max(1, left * refund.permille() / 1_000);
          OpenRefund open = new OpenRefund("re_" + refundCount++, payment, amount);
          openRefunds.add(open);
          payment.refunded += amount;
          record(() -> Postings.refund(BOOK, open.id(), amount, payment.currency, at));
          expected(payment.currency).open += amount;
        }
        case Release release -> {
          if (payments.isEmpty()) {
            return;
          }
          Payment payment = payments.get(release.payment() % payments.size());
          if (payment.released) {
            return;
          }
          payment.released = true;
          long net = payment.captured - payment.fee;
          record(() -> Postings.release(BOOK, payment.id, net, payment.currency, at));
          Expected e = expected(payment.currency);
          e.pending -= net;
          e.released += net;
        }
        case Settle settle -> {
          if (openRefunds.isEmpty()) {
            return;
          }
          OpenRefund open = openRefunds.remove(settle.refund() % openRefunds.size());
          record(() -> Postings.refundSettled(BOOK, open.id(), open.amount(), open.payment().currency, at));
          Expected e = expected(open.payment().currency);
          e.open -= open.amount();
          e.settled += open.amount();
        }
        case Fail fail -> {
          if (openRefunds.isEmpty()) {
            return;
          }
          OpenRefund open = openRefunds.remove(fail.refund() % openRefunds.size());
          open.payment().refunded -= open.amount();
          record(() -> Postings.refundFailed(BOOK, open.id(), open.amount(), open.payment().currency, at));
          expected(open.payment().currency).open -= open.amount();
        }
        case Retry retry -> {
          if (events.isEmpty()) {
            return;
          }
          write(events.get(retry.event() % events.size()).get());
        }
      }
    }

    private void record(Supplier<LedgerTransaction> event) {
      events.add(event);
      write(event.get());
    }

    /** A conditional put on the transaction id: the first write wins, and a retry must be the same transaction. */
    private void write(LedgerTransaction transaction) {
      LedgerTransaction earlier = written.putIfAbsent(transaction.id(), transaction);
      if (earlier != null) {
        assertThat(transaction).isEqualTo(earlier);
      }
    }

    private Expected expected(String currency) {
      return expected.computeIfAbsent(currency, c -> new Expected());
    }
  }
}

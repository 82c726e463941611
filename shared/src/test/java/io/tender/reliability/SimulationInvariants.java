package io.tender.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.core.checkout.CheckoutStatus;
import io.tender.core.ledger.LedgerAccount;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.link.LinkSession;
import io.tender.core.link.PaymentLink;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentState;
import io.tender.core.payment.ProviderReference;
import io.tender.core.payment.Refund;
import io.tender.core.tenant.Mode;
import io.tender.reliability.SimulatedProvider.Checkout;
import io.tender.reliability.SimulatedProvider.ProviderRefund;
import io.tender.reliability.TableAudit.Entry;
import io.tender.reliability.TableAudit.EventItem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What must hold once a simulation has settled, read back from the table and compared with the
 * provider's own books and with every payment version the services committed.
 */
final class SimulationInvariants {
  private static final Set<PaymentState> PAID = EnumSet.of(PaymentState.CAPTURED, PaymentState.PARTIALLY_REFUNDED,
      PaymentState.REFUNDED);
  /** How an unpaid payment ends: its time ran out, or the provider refused to open its checkout. */
  private static final Set<PaymentState> UNPAID_ENDS = EnumSet.of(PaymentState.EXPIRED, PaymentState.FAILED);

  private final SimulationWorld world;
  private final SimulationRun run;
  private final List<String> violations = new ArrayList<>();

  /** Figures for the report. */
  record Figures(int payments, int captured, int expired, int refunds, int events, int ledgerTransactions) {}

  private Figures figures = new Figures(0, 0, 0, 0, 0, 0);

  private SimulationInvariants(SimulationWorld world, SimulationRun run) {
    this.world = world;
    this.run = run;
  }

  static SimulationInvariants check(SimulationWorld world, SimulationRun run) {
    SimulationInvariants check = new SimulationInvariants(world, run);
    check.checkAll();
    return check;
  }

  List<String> violations() {
    return violations;
  }

  Figures figures() {
    return figures;
  }

  private void checkAll() {
    violations.addAll(run.unexpected);
    violations.addAll(world.history.violations());
    violations.addAll(world.history.readsNotCommitted());

    Map<String, NavigableMap<Long, Payment>> committed = new TreeMap<>();
    world.history.committed().forEach((id, versions) -> {
      if (versions.firstEntry().getValue().tenantId().equals(run.tenantId)) {
        committed.put(id, versions);
      }
    });
    Map<String, Payment> finals = new TreeMap<>();
    committed.forEach((id, versions) -> history(id, versions).ifPresent(last -> finals.put(id, last)));

    LedgerBook book = new LedgerBook(run.tenantId, Mode.TEST);
    Map<String, List<Entry>> transactions = world.audit.transactions(book);
    Set<String> currencies = new java.util.TreeSet<>();
    finals.values().forEach(payment -> currencies.add(payment.currency()));
    violations.addAll(world.audit.ledgerViolations(book, transactions, currencies));
    ledgerAgainstPayments(finals, transactions);
    finals.values().forEach(this::providerAgrees);
    List<EventItem> events = world.audit.events(run.tenantId, Mode.TEST);
    eventsMatchCommittedChanges(committed, events);
    links();
    idempotency();

    figures = new Figures(finals.size(),
        (int) finals.values().stream().filter(p -> p.amounts().captured() > 0).count(),
        (int) finals.values().stream().filter(p -> p.state() == PaymentState.EXPIRED).count(),
        finals.values().stream().mapToInt(p -> p.refunds().size()).sum(), events.size(), transactions.size());
  }

  /**
   * The stored payment is the last version committed; versions were committed one after another;
   * and a payment in a terminal state never moved again, but for the one documented exit: money
   * captured after the end is counted and parked for review.
   */
  private Optional<Payment> history(String id, NavigableMap<Long, Payment> versions) {
    Optional<Payment> stored = world.payments.find(run.tenantId, Mode.TEST, id);
    if (stored.isEmpty()) {
      violations.add(id + " was committed but is not in the table");
      return Optional.empty();
    }
    if (!stored.get().equals(versions.lastEntry().getValue())) {
      violations.add("stored " + PaymentHistory.brief(stored.get()) + " but the last commit was "
          + PaymentHistory.brief(versions.lastEntry().getValue()));
    }
    long expected = 0;
    Payment previous = null;
    for (Map.Entry<Long, Payment> version : versions.entrySet()) {
      if (version.getKey() != expected) {
        violations.add(id + " jumped from v" + (expected - 1) + " to v" + version.getKey());
      }
      expected = version.getKey() + 1;
      Payment next = version.getValue();
      if (previous != null && previous.state().isTerminal() && !(next.state() == PaymentState.NEEDS_REVIEW
          && next.amounts().captured() > previous.amounts().captured())) {
        violations.add(id + " left terminal " + previous.state() + " for " + next.state() + " at v" + next.version());
      }
      previous = next;
    }
    return stored;
  }

  /** Each capture and each succeeded refund is in the ledger exactly once, for exactly its amount. */
  private void ledgerAgainstPayments(Map<String, Payment> finals, Map<String, List<Entry>> transactions) {
    Map<String, Long> capturedInLedger = new HashMap<>();
    Map<String, Long> refundedInLedger = new HashMap<>();
    transactions.forEach((id, entries) -> {
      String kind = id.substring(0, id.indexOf(':'));
      String subject = id.substring(id.indexOf(':') + 1);
      long clearing = entries.stream().filter(e -> e.account() == LedgerAccount.PROVIDER_CLEARING)
          .mapToLong(Entry::signed).sum();
      long payable = entries.stream().filter(e -> e.account() == LedgerAccount.REFUNDS_PAYABLE)
          .mapToLong(e -> -e.signed()).sum();
      if (kind.equals("capture") || kind.startsWith("capture_to_")) {
        capturedInLedger.merge(subject, clearing, Long::sum);
      } else if (kind.equals("refund")) {
        if (refundedInLedger.put(subject, payable) != null) {
          violations.add("refund " + subject + " is in the ledger twice");
        }
      } else {
        violations.add("ledger transaction " + id + " is of no kind the simulation makes");
      }
    });
    for (Payment payment : finals.values()) {
      long ledger = capturedInLedger.getOrDefault(payment.id(), 0L);
      if (ledger != payment.amounts().captured()) {
        violations.add(payment.id() + " captured " + payment.amounts().captured() + " but the ledger holds " + ledger);
      }
      capturedInLedger.remove(payment.id());
      for (Refund refund : payment.refunds()) {
        Long posted = refundedInLedger.remove(refund.id());
        if (refund.status() == Refund.Status.SUCCEEDED && (posted == null || posted != refund.amount())) {
          violations.add(payment.id() + " refund " + refund.id() + " of " + refund.amount() + " succeeded but the ledger"
              + " holds " + posted);
        }
        if (refund.status() != Refund.Status.SUCCEEDED && posted != null) {
          violations.add(payment.id() + " refund " + refund.id() + " is " + refund.status() + " but was posted");
        }
      }
    }
    capturedInLedger.forEach((id, amount) -> violations.add("the ledger captured " + amount + " for unknown " + id));
    refundedInLedger.forEach((id, amount) -> violations.add("the ledger refunded " + amount + " for unknown " + id));
  }

  /**
   * Once everything settled (the poller included), the payment says what the provider's books
   * say: what was captured, exactly the refunds the provider made, and nothing else.
   */
  private void providerAgrees(Payment payment) {
    String checkoutId = payment.provider().map(ProviderReference::providerPaymentId)
        .orElse(SimulatedProvider.checkoutId(payment.id()));
    Optional<Checkout> found = world.provider.checkout(checkoutId);
    if (payment.provider().isEmpty()) {
      if (found.isPresent() && found.get().status == SimulatedProvider.Status.PAID) {
        violations.add(payment.id() + " names no provider checkout, yet its checkout " + checkoutId + " was paid");
      }
      if (!UNPAID_ENDS.contains(payment.state())) {
        violations.add(payment.id() + " never reached the provider and ended " + payment.state());
      }
      return;
    }
    if (found.isEmpty()) {
      violations.add(payment.id() + " names checkout " + checkoutId + " that the provider never made");
      return;
    }
    Checkout checkout = found.get();
    if (checkout.captured != payment.amounts().captured()) {
      violations.add(payment.id() + " captured " + payment.amounts().captured() + ", the provider " + checkout.captured);
    }
    boolean paid = checkout.status == SimulatedProvider.Status.PAID;
    if (paid ? !PAID.contains(payment.state()) : !UNPAID_ENDS.contains(payment.state())) {
      violations.add(payment.id() + " ended " + payment.state() + " while the provider's checkout is " + checkout.status);
    }
    for (ProviderRefund made : checkout.refunds.values()) {
      Optional<Refund> ours = payment.refund(made.refundId());
      if (ours.isEmpty() || ours.get().amount() != made.amount() || ours.get().status() != Refund.Status.SUCCEEDED) {
        violations.add(payment.id() + ": the provider refunded " + made + " but the payment holds " + ours);
      }
    }
    for (Refund refund : payment.refunds()) {
      if (refund.status() == Refund.Status.SUCCEEDED && !checkout.refunds.containsKey(refund.id())) {
        violations.add(payment.id() + " counts refund " + refund.id() + " that the provider never made");
      }
      if (refund.status() == Refund.Status.RESERVED) {
        violations.add(payment.id() + " still holds refund " + refund.id() + " reserved after hours of polling");
      }
    }
  }

  /**
   * Every committed merchant event is owed by exactly one committed change, and every change that
   * owes one has it: the events expected from each pair of consecutive committed versions are
   * exactly the events in the table, each carrying the object as committed at its sequence.
   */
  private void eventsMatchCommittedChanges(Map<String, NavigableMap<Long, Payment>> committed, List<EventItem> events) {
    List<String> expected = new ArrayList<>();
    committed.forEach((id, versions) -> {
      Payment previous = null;
      for (Payment next : versions.values()) {
        if (previous != null) {
          expected.addAll(owed(previous, next));
        }
        previous = next;
      }
    });
    List<String> stored = new ArrayList<>();
    for (EventItem event : events) {
      stored.add(event.type() + " " + event.objectId() + " @" + event.sequence());
      objectAsCommitted(event, committed);
    }
    List<String> missing = new ArrayList<>(expected);
    stored.forEach(missing::remove);
    List<String> extra = new ArrayList<>(stored);
    expected.forEach(extra::remove);
    if (!missing.isEmpty()) {
      violations.add("merchant events owed but not committed: " + missing);
    }
    if (!extra.isEmpty()) {
      violations.add("merchant events committed with no change that owes them: " + extra);
    }
  }

  /** The notifications a change from {@code before} to {@code after} owes, as the merchant API documents them. */
  private static List<String> owed(Payment before, Payment after) {
    List<String> owed = new ArrayList<>();
    String at = " @" + after.version();
    if (before.amounts().captured() == 0 && after.amounts().captured() > 0 && PAID.contains(after.state())) {
      owed.add("payment.succeeded " + after.id() + at);
      after.checkoutSessionId().ifPresent(session -> owed.add("checkout.session.completed " + session + at));
    }
    for (PaymentState end : List.of(PaymentState.FAILED, PaymentState.CANCELLED, PaymentState.EXPIRED)) {
      if (after.state() == end && before.state() != end) {
        owed.add("payment." + end.name().toLowerCase(Locale.ROOT) + " " + after.id() + at);
        if (end == PaymentState.EXPIRED) {
          after.checkoutSessionId().ifPresent(session -> owed.add("checkout.session.expired " + session + at));
        }
      }
    }
    for (Refund refund : after.refunds()) {
      Optional<Refund.Status> was = before.refund(refund.id()).map(Refund::status);
      if (refund.status() == Refund.Status.SUCCEEDED && !was.equals(Optional.of(Refund.Status.SUCCEEDED))) {
        owed.add("refund.succeeded " + refund.id() + at);
      }
      if (refund.status() == Refund.Status.FAILED && was.equals(Optional.of(Refund.Status.RESERVED))) {
        owed.add("refund.failed " + refund.id() + at);
      }
    }
    if (after.state() == PaymentState.REFUNDED && before.state() != PaymentState.REFUNDED) {
      owed.add("payment.refunded " + after.id() + at);
    }
    return owed;
  }

  private void objectAsCommitted(EventItem event, Map<String, NavigableMap<Long, Payment>> committed) {
    JsonNode object = event.body().path("data").path("object");
    String kind = object.path("object").asText();
    boolean isRefund = "refund".equals(kind);
    boolean isSession = "checkout.session".equals(kind);
    String paymentId = isRefund || isSession ? object.path("payment_id").asText() : object.path("id").asText();
    Payment at = committed.getOrDefault(paymentId, new TreeMap<>()).get(event.sequence());
    if (at == null) {
      violations.add("event " + event.id() + " " + event.type() + " names v" + event.sequence() + " of " + paymentId
          + ", which was never committed");
      return;
    }
    if (isSession) {
      if (!CheckoutStatus.of(at.state()).equals(object.path("status").asText())
          || at.amounts().requested() != object.path("amount").asLong()
          || !at.checkoutSessionId().equals(Optional.of(event.objectId()))) {
        violations.add("event " + event.id() + " shows " + object + " but v" + event.sequence() + " is " + PaymentHistory.brief(at));
      }
    } else if (isRefund) {
      Optional<Refund> refund = at.refund(event.objectId());
      if (refund.isEmpty() || refund.get().amount() != object.path("amount").asLong()
          || !refund.get().status().name().equalsIgnoreCase(object.path("status").asText())) {
        violations.add("event " + event.id() + " shows " + object + " but v" + event.sequence() + " holds " + refund);
      }
    } else if (!at.state().name().equalsIgnoreCase(object.path("status").asText())
        || at.amounts().captured() != object.path("amount_captured").asLong()
        || at.amounts().refunded() != object.path("amount_refunded").asLong()) {
      violations.add("event " + event.id() + " shows " + object + " but v" + event.sequence() + " is " + PaymentHistory.brief(at));
    }
  }

  /** A link never opens more checkouts than its limit, and counts exactly the sessions it opened. */
  private void links() {
    for (SimulationRun.MadeLink made : run.madeLinks) {
      Optional<PaymentLink> link = world.linkRepository.find(run.tenantId, Mode.TEST, made.slug());
      if (link.isEmpty()) {
        violations.add("link " + made.slug() + " was made but is not in the table");
        continue;
      }
      List<LinkSession> sessions = world.linkRepository.sessions(run.tenantId, Mode.TEST, made.slug(),
          Optional.empty(), 100);
      long used = link.get().usageCount();
      if (made.usageLimit() != null && (used > made.usageLimit() || sessions.size() > made.usageLimit())) {
        violations.add("link " + made.slug() + " with a limit of " + made.usageLimit() + " counts " + used
            + " uses and opened " + sessions.size() + " sessions");
      }
      if (used != sessions.size()) {
        violations.add("link " + made.slug() + " counts " + used + " uses but opened " + sessions.size() + " sessions");
      }
    }
  }

  /** No idempotency key ran its work to completion twice; every replay was of that one answer. */
  private void idempotency() {
    Map<String, List<String>> executed = new HashMap<>();
    run.keyAnswers.stream().filter(answer -> answer.kind().equals("executed"))
        .forEach(answer -> executed.computeIfAbsent(answer.key(), k -> new ArrayList<>()).add(answer.body()));
    executed.forEach((key, answers) -> {
      if (answers.size() > 1) {
        violations.add("idempotency key " + key + " executed " + answers.size() + " times: " + answers);
      }
    });
    run.keyAnswers.stream().filter(answer -> answer.kind().equals("replayed")).forEach(replay -> {
      List<String> first = executed.getOrDefault(replay.key(), List.of());
      if (!first.contains(replay.body())) {
        violations.add("idempotency key " + replay.key() + " replayed " + replay.body() + ", never executed as such");
      }
    });
  }
}

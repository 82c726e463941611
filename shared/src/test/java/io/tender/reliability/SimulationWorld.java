package io.tender.reliability;

import io.tender.adapter.dynamo.DuePaymentPolls;
import io.tender.adapter.dynamo.DynamoPaymentLookup;
import io.tender.core.reconcile.DuePayments;
import io.tender.core.reconcile.ReconciliationPoller;
import io.tender.core.settlement.HintSettlement;
import io.tender.core.settlement.ProviderRefundIds;
import io.tender.adapter.dynamo.DynamoCheckoutSessionRepository;
import io.tender.adapter.dynamo.DynamoIdempotencyStore;
import io.tender.adapter.dynamo.DynamoLedger;
import io.tender.adapter.dynamo.DynamoPaymentLinkRepository;
import io.tender.adapter.dynamo.DynamoPaymentRepository;
import io.tender.adapter.dynamo.DynamoProviderEventInbox;
import io.tender.adapter.dynamo.DynamoSettlementStore;
import io.tender.adapter.dynamo.DynamoTenantRepository;
import io.tender.core.checkout.CheckoutSessionRepository;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.idempotency.IdempotentExecution;
import io.tender.core.link.PaymentLinks;
import io.tender.core.money.AmountPolicy;
import io.tender.core.payment.PaymentRepository;
import io.tender.core.refund.Refunds;
import io.tender.core.settlement.Settlement;
import io.tender.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real core services on the real DynamoDB adapters, wired by hand as {@code Platform} wires
 * them, except that time, randomness and the provider belong to the simulation, the payment
 * repositories report every version to a {@link PaymentHistory}, and the poller (which also
 * expires checkouts whose session ended) sees only the simulation's own tenants in the shared due
 * index.
 */
final class SimulationWorld {
  /** As on AWS: a refund's webhooks wait this long at most for its creator to settle it. */
  static final Duration REFUND_IN_FLIGHT = Duration.ofSeconds(15);

  final MutableClock clock;
  final ThreadSeededRandom random = new ThreadSeededRandom();
  final SimulatedProvider provider;
  final PaymentHistory history = new PaymentHistory();
  final PaymentRepository payments;
  final DynamoPaymentLinkRepository linkRepository;
  final CheckoutSessions checkouts;
  final Settlement settlement;
  final Refunds refunds;
  final PaymentLinks links;
  final IdempotentExecution idempotency;
  final HintSettlement hints;
  final ReconciliationPoller poller;
  final DynamoProviderEventInbox inbox;
  final TableAudit audit;

  /**
   * @param tenants the simulation's tenants: the poller acts on their payments only, so that
   *     whatever an earlier failed run left due in the shared index cannot leak into this one
   */
  SimulationWorld(DynamoDbClient dynamo, String table, Instant start, Set<String> tenants) {
    this(dynamo, table, start, tenants, SimulatedProvider.NAME);
  }

  SimulationWorld(DynamoDbClient dynamo, String table, Instant start, Set<String> tenants, String providerName) {
    this.clock = new MutableClock(start);
    this.provider = new SimulatedProvider(providerName, clock);
    RandomIdGenerator ids = new RandomIdGenerator(clock, random);
    DynamoPaymentRepository storedPayments = new DynamoPaymentRepository(dynamo, table);
    this.payments = history.payments(storedPayments);
    CheckoutSessionRepository sessions = history.sessions(
        new DynamoCheckoutSessionRepository(dynamo, table, storedPayments));
    this.settlement = new Settlement(provider, payments,
        history.settlements(new DynamoSettlementStore(storedPayments, new DynamoLedger(dynamo, table), table)),
        ids, clock);
    this.refunds = new Refunds(payments, provider, settlement, AmountPolicy.standard(), ids, clock);
    DynamoTenantRepository tenantRepository = new DynamoTenantRepository(dynamo, table);
    this.checkouts = new CheckoutSessions(sessions, tenantRepository, provider, AmountPolicy.standard(), ids,
        clock);
    this.linkRepository = new DynamoPaymentLinkRepository(dynamo, table);
    this.links = new PaymentLinks(linkRepository, checkouts, tenantRepository, AmountPolicy.standard(), random, clock);
    this.idempotency = new IdempotentExecution(new DynamoIdempotencyStore(dynamo, table), clock);
    this.hints = new HintSettlement(provider, new DynamoPaymentLookup(dynamo, table, storedPayments), payments,
        settlement, new ProviderRefundIds(payments, clock), clock, REFUND_IN_FLIGHT);
    this.poller = new ReconciliationPoller(onlyOf(tenants, new DuePaymentPolls(dynamo, table)), payments, sessions,
        provider, settlement, (name, context) -> { }, clock);
    this.inbox = new DynamoProviderEventInbox(dynamo, table);
    this.audit = new TableAudit(dynamo, table, start, clock);
  }

  private static DuePayments onlyOf(Set<String> tenants, DuePayments all) {
    return (now, limit) -> all.dueBy(now, 1000).stream().filter(due -> tenants.contains(due.tenantId()))
        .limit(limit).toList();
  }
}

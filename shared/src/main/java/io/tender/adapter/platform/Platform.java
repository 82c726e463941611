package io.tender.adapter.platform;

import io.tender.adapter.aws.AwsClients;
import io.tender.adapter.dynamo.DynamoApiKeyRepository;
import io.tender.adapter.dynamo.DynamoCheckoutSessionRepository;
import io.tender.adapter.dynamo.DynamoLedger;
import io.tender.adapter.dynamo.DynamoMerchantEventStore;
import io.tender.adapter.dynamo.DynamoWebhookDeliveryRepository;
import io.tender.adapter.dynamo.DynamoWebhookEndpointRepository;
import io.tender.adapter.sqs.SqsDeliveryQueue;
import io.tender.adapter.webhook.DnsHostResolver;
import io.tender.adapter.webhook.GuardedWebhookSender;
import io.tender.core.webhook.MerchantEventStore;
import io.tender.core.webhook.OutboundUrlPolicy;
import io.tender.core.webhook.WebhookDeliveryRepository;
import io.tender.core.webhook.WebhookDispatcher;
import io.tender.core.webhook.WebhookEndpoints;
import io.tender.core.webhook.WebhookSecretGenerator;
import io.tender.core.webhook.WebhookSender;
import io.tender.core.webhook.WebhookSigner;
import io.tender.core.webhook.WebhookTestSends;
import io.tender.adapter.dynamo.DynamoProviderEventInbox;
import io.tender.adapter.dynamo.DuePaymentPolls;
import io.tender.adapter.dynamo.DynamoPaymentLookup;
import io.tender.adapter.log.EmbeddedMetrics;
import io.tender.core.metric.Metrics;
import io.tender.core.reconcile.ReconciliationPoller;
import io.tender.core.settlement.HintSettlement;
import io.tender.core.settlement.ProviderRefundIds;
import io.tender.adapter.dynamo.DynamoSettlementStore;
import io.tender.adapter.sqs.SettlementQueue;
import io.tender.adapter.stripe.StripeWebhookIngress;
import io.tender.core.refund.Refunds;
import io.tender.core.settlement.Settlement;
import io.tender.core.signature.StripeWebhookVerifier;
import io.tender.adapter.dynamo.DynamoPaymentRepository;
import io.tender.adapter.dynamo.DynamoPaymentLinkRepository;
import io.tender.core.link.PaymentLinks;
import io.tender.adapter.stripe.StripeConnector;
import io.tender.adapter.stripe.StripeSettings;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.money.AmountPolicy;
import java.net.URI;
import io.tender.adapter.dynamo.DynamoAuditLog;
import io.tender.adapter.dynamo.DynamoIdempotencyStore;
import io.tender.adapter.dynamo.DynamoRateLimiter;
import io.tender.adapter.dynamo.DynamoTenantRepository;
import io.tender.adapter.dynamo.DynamoUserRepository;
import io.tender.adapter.http.ApiPipeline;
import io.tender.adapter.http.Authenticator;
import io.tender.adapter.log.JsonLog;
import io.tender.adapter.secrets.SecretsManagerSecretStore;
import io.tender.config.Environment;
import io.tender.config.HostClock;
import io.tender.core.apikey.ApiKeySecrets;
import io.tender.core.apikey.ApiKeyService;
import io.tender.core.audit.AuditLog;
import io.tender.core.auth.AccessPolicy;
import io.tender.core.auth.SessionTokens;
import io.tender.core.id.IdGenerator;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.idempotency.IdempotentExecution;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.secret.SecretStore;
import io.tender.core.tenant.TenantOnboarding;
import io.tender.core.tenant.TenantRateLimits;
import io.tender.core.tenant.TenantRepository;
import io.tender.core.user.UserAccounts;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The platform layer wired once per Lambda container, by plain constructors: the table, the
 * repositories, the services and the request pipeline every merchant route uses. Nothing here
 * calls the network while wiring (SnapStart snapshots this state); the session signing keys are
 * read from the secret store on first use.
 */
public final class Platform {
  private static final Duration SECRET_CACHE = Duration.ofMinutes(5);
  /**
   * How long a refund's creator may still be settling the provider's answer after reserving it: the
   * refund request's timeouts (connect and answer) and a margin for the checkout lookup before it and
   * the commit after it. Webhooks about the refund wait that long at most before settling it themselves.
   */
  static final Duration REFUND_IN_FLIGHT = StripeSettings.DEFAULT_CONNECT_TIMEOUT
      .plus(StripeSettings.DEFAULT_REQUEST_TIMEOUT).plus(Duration.ofSeconds(5));

  private final Clock clock;
  private final IdGenerator ids;
  private final TenantRepository tenants;
  private final ApiKeyService apiKeys;
  private final AuditLog audit;
  private final UserAccounts users;
  private final TenantOnboarding onboarding;
  private final CheckoutSessions checkouts;
  private final PaymentLinks links;
  private final Settlement settlement;
  private final Refunds refunds;
  private final Metrics metrics;
  private final ReconciliationPoller reconciliationPoller;
  private final HintSettlement hintSettlement;
  private final Supplier<SettlementQueue> settlementQueue;
  private final StripeWebhookIngress stripeWebhooks;
  private final WebhookEndpoints webhookEndpoints;
  private final WebhookDispatcher webhookDispatcher;
  private final WebhookTestSends webhookTests;
  private final DynamoWebhookDeliveryRepository webhookDeliveries;
  private final DynamoMerchantEventStore merchantEvents;
  private final ApiPipeline pipeline;
  private final JsonLog log;

  public Platform(Environment environment, Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.ids = new RandomIdGenerator(clock, random);
    this.log = new JsonLog("tender", clock, System.out);
    this.metrics = new EmbeddedMetrics("tender", clock, System.out);
    AwsClients clients = new AwsClients(environment);
    DynamoDbClient dynamo = clients.dynamoDb();
    String table = environment.require("TENDER_TABLE");
    // Built on first use: most requests never read a secret, and a cold start should not pay for it.
    SecretStore secrets = new LazySecretStore(
        () -> new SecretsManagerSecretStore(clients.secretsManager(), clock, SECRET_CACHE));
    String sessionKeysSecret = environment.require("TENDER_SESSION_KEYS_SECRET");
    Supplier<SessionTokens> sessions = new SessionTokensFromSecret(secrets, sessionKeysSecret, clock);

    this.tenants = new DynamoTenantRepository(dynamo, table);
    this.apiKeys = new ApiKeyService(new DynamoApiKeyRepository(dynamo, table), new ApiKeySecrets(random), ids, clock);
    this.audit = new DynamoAuditLog(dynamo, table, random);
    DynamoRateLimiter rateLimiter = new DynamoRateLimiter(dynamo, table);
    RateLimitPolicies rateLimits = RateLimitPolicies.defaults();
    this.users = new UserAccounts(new DynamoUserRepository(dynamo, table), sessions, rateLimiter, rateLimits, ids,
        clock, random);
    DynamoPaymentRepository payments = new DynamoPaymentRepository(dynamo, table);
    String stripeKeySecret = environment.require("TENDER_STRIPE_SECRET_KEY_SECRET");
    URI stripeApi = URI.create(environment.require("TENDER_STRIPE_API_BASE"));
    CheckoutConnector stripe = new LazyCheckoutConnector(StripeConnector.PROVIDER,
        () -> new StripeConnector(StripeSettings.of(stripeApi), () -> secrets.get(stripeKeySecret)));
    DynamoLedger ledger = new DynamoLedger(dynamo, table);
    this.settlement = new Settlement(stripe, payments, new DynamoSettlementStore(payments, ledger, table), ids, clock);
    this.refunds = new Refunds(payments, stripe, settlement, AmountPolicy.standard(), ids, clock);
    DynamoCheckoutSessionRepository checkoutSessions = new DynamoCheckoutSessionRepository(dynamo, table, payments);
    this.reconciliationPoller = new ReconciliationPoller(new DuePaymentPolls(dynamo, table), payments,
        checkoutSessions, stripe, settlement, metrics, clock);
    this.hintSettlement = new HintSettlement(stripe, new DynamoPaymentLookup(dynamo, table, payments), payments,
        settlement, new ProviderRefundIds(payments, clock), clock, REFUND_IN_FLIGHT);
    String queueUrl = environment.require("TENDER_SETTLEMENT_QUEUE_URL");
    // The SQS client is built on first use: only the webhook ingress sends, and settlement defers.
    Supplier<SettlementQueue> queue = new Lazy<>(() -> new SettlementQueue(clients.sqs(), queueUrl));
    this.settlementQueue = queue;
    this.stripeWebhooks = new StripeWebhookIngress(
        StripeWebhookVerifier.fromSecretStore(secrets, environment.require("TENDER_STRIPE_WEBHOOK_SECRET_SECRET"), clock),
        new DynamoProviderEventInbox(dynamo, table), queue, clock, log);
    this.checkouts = new CheckoutSessions(checkoutSessions, tenants,
        stripe, AmountPolicy.standard(), ids, clock);
    this.links = new PaymentLinks(new DynamoPaymentLinkRepository(dynamo, table), checkouts, tenants,
        AmountPolicy.standard(), random, clock);
    OutboundUrlPolicy outboundUrls = "allowed".equals(environment.get("TENDER_LOCAL_DEMO_RECEIVER").orElse("disabled"))
        ? OutboundUrlPolicy.allowingLocalDemoReceiver(new DnsHostResolver())
        : OutboundUrlPolicy.strict(new DnsHostResolver());
    DynamoWebhookEndpointRepository endpoints = new DynamoWebhookEndpointRepository(dynamo, table);
    this.webhookDeliveries = new DynamoWebhookDeliveryRepository(dynamo, table);
    this.merchantEvents = new DynamoMerchantEventStore(dynamo, table);
    this.webhookEndpoints = new WebhookEndpoints(endpoints, tenants, outboundUrls, new WebhookSecretGenerator(random),
        ids, clock);
    String webhookQueueUrl = environment.require("TENDER_WEBHOOK_QUEUE_URL");
    // The SQS client is built on first use: only the webhook functions queue attempts.
    Supplier<SqsDeliveryQueue> deliveryQueue = new Lazy<>(() -> new SqsDeliveryQueue(clients.sqs(), webhookQueueUrl));
    // Built on first send: the JVM's TLS context is costly to load, and only the webhook functions send.
    Supplier<GuardedWebhookSender> guardedSender = new Lazy<>(() -> GuardedWebhookSender.withSystemTrust(outboundUrls));
    WebhookSender webhookSender = request -> guardedSender.get().send(request);
    WebhookSigner webhookSigner = new WebhookSigner(clock);
    this.webhookDispatcher = new WebhookDispatcher(endpoints, webhookDeliveries, merchantEvents,
        (ticket, delay) -> deliveryQueue.get().enqueue(ticket, delay), webhookSender, webhookSigner, clock);
    this.webhookTests = new WebhookTestSends(endpoints, webhookDeliveries, webhookSender, webhookSigner, ids, clock);
    this.onboarding = new TenantOnboarding(tenants, users, apiKeys, audit, ids, clock, random);
    this.pipeline = new ApiPipeline(new Authenticator(apiKeys, sessions, users::currentRole), new AccessPolicy(clock),
        rateLimiter, new TenantRateLimits(tenants, rateLimits, clock),
        new IdempotentExecution(new DynamoIdempotencyStore(dynamo, table), clock), audit, clock, log);
  }

  /** Production wiring: the function's environment, the host's clock (the system's), a secure random source. */
  public static Platform fromEnvironment() {
    return new Platform(Environment.current(), HostClock.current(), new SecureRandom());
  }

  public ApiPipeline pipeline() {
    return pipeline;
  }

  public ApiKeyService apiKeys() {
    return apiKeys;
  }

  public AuditLog audit() {
    return audit;
  }

  public UserAccounts users() {
    return users;
  }

  public TenantRepository tenants() {
    return tenants;
  }

  public ReconciliationPoller reconciliationPoller() {
    return reconciliationPoller;
  }

  /** Provider webhooks (as queued hints) settled by what they point at. */
  public HintSettlement hintSettlement() {
    return hintSettlement;
  }

  /** The queue of provider hints, to hand a deferred one back. */
  public SettlementQueue settlementQueue() {
    return settlementQueue.get();
  }

  /** Counters operators alarm on, as CloudWatch Embedded Metric Format lines. */
  public Metrics metrics() {
    return metrics;
  }

  public Refunds refunds() {
    return refunds;
  }

  public Settlement settlement() {
    return settlement;
  }

  public StripeWebhookIngress stripeWebhooks() {
    return stripeWebhooks;
  }

  public WebhookEndpoints webhookEndpoints() {
    return webhookEndpoints;
  }

  public WebhookDispatcher webhookDispatcher() {
    return webhookDispatcher;
  }

  public WebhookTestSends webhookTests() {
    return webhookTests;
  }

  public WebhookDeliveryRepository webhookDeliveries() {
    return webhookDeliveries;
  }

  public MerchantEventStore merchantEvents() {
    return merchantEvents;
  }

  public CheckoutSessions checkouts() {
    return checkouts;
  }

  public PaymentLinks links() {
    return links;
  }

  public TenantOnboarding onboarding() {
    return onboarding;
  }

  public IdGenerator ids() {
    return ids;
  }

  public Clock clock() {
    return clock;
  }

  public JsonLog log() {
    return log;
  }
}

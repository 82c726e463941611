package io.tender.local;

import io.tender.local.sandbox.stripe.StripeSandbox;
import io.tender.local.template.CloudFormationYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The providers' sandboxes a local gateway talks to instead of the real providers: started first,
 * then handed to the template as the parameters and secrets an operator would set on AWS
 * (the API base URL and the secret key), so the connectors run unchanged. The other side is local
 * too: merchant webhooks may go to receivers on 127.0.0.1 (template parameter
 * {@code LocalDemoReceiver=allowed}), which a deployed stack refuses.
 */
public final class ProviderSandboxes implements AutoCloseable {
  static final String STRIPE_API_BASE_PARAMETER = "StripeApiBase";
  static final String STRIPE_SECRET_KEY_SECRET = "StripeSecretKey";
  static final String STRIPE_WEBHOOK_SECRET = "StripeWebhookSecret";
  static final String STRIPE_WEBHOOK_PATH = "/api/webhooks/stripe";
  static final String LOCAL_DEMO_RECEIVER_PARAMETER = "LocalDemoReceiver";

  private final StripeSandbox stripe;
  private final String stripeWebhookSecret;

  private ProviderSandboxes(StripeSandbox stripe, String stripeWebhookSecret) {
    this.stripe = stripe;
    this.stripeWebhookSecret = stripeWebhookSecret;
  }

  public static ProviderSandboxes start(Clock clock) {
    byte[] random = new byte[24];
    new java.security.SecureRandom().nextBytes(random);
    return new ProviderSandboxes(StripeSandbox.start(clock),
        "whsec_" + java.util.HexFormat.of().formatHex(random));
  }

  public StripeSandbox stripe() {
    return stripe;
  }

  /**
   * The signing secret of the gateway's Stripe endpoint, as Stripe's dashboard shows it to the
   * account owner: what a test needs to sign events as Stripe would.
   */
  public String stripeWebhookSecret() {
    return stripeWebhookSecret;
  }

  /**
   * The options with the sandboxes wired in where the template declares what they replace (a
   * template without those parameters is served as it is).
   */
  public LocalGatewayOptions wire(LocalGatewayOptions options) {
    Map<String, String> parameters = new HashMap<>(options.parameters());
    if (declaresParameter(options.template(), STRIPE_API_BASE_PARAMETER)) {
      parameters.putIfAbsent(STRIPE_API_BASE_PARAMETER, stripe.baseUrl().toString());
    }
    // Merchant webhooks may then go to http://127.0.0.1:<port>, where local receivers listen.
    if (declaresParameter(options.template(), LOCAL_DEMO_RECEIVER_PARAMETER)) {
      parameters.putIfAbsent(LOCAL_DEMO_RECEIVER_PARAMETER, "allowed");
    }
    Map<String, String> secrets = new HashMap<>(options.secrets());
    secrets.putIfAbsent(STRIPE_SECRET_KEY_SECRET, stripe.apiKey());
    secrets.putIfAbsent(STRIPE_WEBHOOK_SECRET, stripeWebhookSecret);
    return options.withParameters(parameters).withSecrets(secrets);
  }

  /** Points the sandbox's webhooks at the gateway, where the template has a route for them. */
  public void connect(LocalGateway gateway) {
    boolean served = gateway.template().routes().stream()
        .anyMatch(route -> STRIPE_WEBHOOK_PATH.equals(route.getValue().path()));
    if (served) {
      stripe.addWebhookEndpoint(java.net.URI.create(gateway.baseUrl() + STRIPE_WEBHOOK_PATH), stripeWebhookSecret);
    }
  }

  private static boolean declaresParameter(Path template, String name) {
    try {
      Object parsed = CloudFormationYaml.parse(Files.readString(template));
      return parsed instanceof Map<?, ?> root && root.get("Parameters") instanceof Map<?, ?> declared
          && declared.containsKey(name);
    } catch (IOException | RuntimeException unreadable) {
      return false; // the gateway reports what is wrong with the template when it reads it
    }
  }

  @Override
  public void close() {
    stripe.close();
  }
}

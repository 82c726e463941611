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
 * (the API base URL and the secret key), so the connectors run unchanged.
 */
public final class ProviderSandboxes implements AutoCloseable {
  static final String STRIPE_API_BASE_PARAMETER = "StripeApiBase";
  static final String STRIPE_SECRET_KEY_SECRET = "StripeSecretKey";

  private final StripeSandbox stripe;

  private ProviderSandboxes(StripeSandbox stripe) {
    this.stripe = stripe;
  }

  public static ProviderSandboxes start(Clock clock) {
    return new ProviderSandboxes(StripeSandbox.start(clock));
  }

  public StripeSandbox stripe() {
    return stripe;
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
    Map<String, String> secrets = new HashMap<>(options.secrets());
    secrets.putIfAbsent(STRIPE_SECRET_KEY_SECRET, stripe.apiKey());
    return options.withParameters(parameters).withSecrets(secrets);
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

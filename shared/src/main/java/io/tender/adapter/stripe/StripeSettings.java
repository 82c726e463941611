package io.tender.adapter.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how patiently to call Stripe. {@code baseUrl} is {@code https://api.stripe.com} on AWS
 * and the local sandbox's address locally. {@code requestTimeout} bounds each wait for Stripe: for
 * its answer to begin and for every part of it.
 */
public record StripeSettings(URI baseUrl, Duration connectTimeout, Duration requestTimeout) {
  public static final URI STRIPE_API = URI.create("https://api.stripe.com");
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** Inside a Lambda's budget, with room left to record the attempt as unknown. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(8);

  public StripeSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (!baseUrl.isAbsolute()) {
      throw new IllegalArgumentException("Stripe's base URL must be absolute: " + baseUrl);
    }
  }

  public static StripeSettings of(URI baseUrl) {
    return new StripeSettings(baseUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }
}

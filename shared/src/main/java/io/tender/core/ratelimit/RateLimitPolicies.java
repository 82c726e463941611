package io.tender.core.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The limits in force, by name: the product's defaults, with a tenant's overrides on top.
 * Immutable; {@link #withOverride} returns a new instance.
 *
 * <table>
 *   <caption>Default limits</caption>
 *   <tr><th>name</th><th>limit</th><th>window</th><th>scope</th><th>counts</th></tr>
 *   <tr><td>{@value #CHECKOUT_SESSION_CREATE}</td><td>10</td><td>1 min</td><td>tenant</td><td>create checkout session</td></tr>
 *   <tr><td>{@value #CHECKOUT_SESSION_GET}</td><td>30</td><td>1 min</td><td>tenant</td><td>get checkout session</td></tr>
 *   <tr><td>{@value #REFUND_CREATE}</td><td>5</td><td>1 min</td><td>tenant</td><td>create refund</td></tr>
 *   <tr><td>{@value #PAYMENT_LINK_GET}</td><td>10</td><td>1 min</td><td>IP</td><td>get payment link (public)</td></tr>
 *   <tr><td>{@value #PAYMENT_LINK_CHECKOUT}</td><td>3</td><td>1 min</td><td>IP</td><td>check out through a payment link (public)</td></tr>
 *   <tr><td>{@value #LINKS_WRITE}</td><td>10</td><td>1 min</td><td>tenant</td><td>create and deactivate payment links, together</td></tr>
 *   <tr><td>{@value #LINKS_READ}</td><td>60</td><td>1 min</td><td>tenant</td><td>list payment links and the sessions a link opened</td></tr>
 *   <tr><td>{@value #API_KEYS}</td><td>10</td><td>1 min</td><td>tenant</td><td>create, revoke and list API keys, together</td></tr>
 *   <tr><td>{@value #WEBHOOK_TEST}</td><td>5</td><td>1 min</td><td>tenant</td><td>send a test webhook</td></tr>
 *   <tr><td>{@value #WEBHOOKS_WRITE}</td><td>10</td><td>1 min</td><td>tenant</td><td>register, delete and rotate webhook endpoints, redeliver, together</td></tr>
 *   <tr><td>{@value #WEBHOOKS_READ}</td><td>60</td><td>1 min</td><td>tenant</td><td>list webhook endpoints and deliveries</td></tr>
 *   <tr><td>{@value #EVENTS_READ}</td><td>60</td><td>1 min</td><td>tenant</td><td>pull events (apart, so catching up cannot starve the delivery log)</td></tr>
 *   <tr><td>{@value #PAYMENT_REQUEST_CREATE}</td><td>100</td><td>1 min</td><td>API key</td><td>create bank-transfer payment request</td></tr>
 *   <tr><td>{@value #PAYMENT_REQUEST_STATUS}</td><td>300</td><td>1 min</td><td>API key</td><td>get payment-request status</td></tr>
 *   <tr><td>{@value #BANK_ORDER_CREATE}</td><td>10</td><td>15 min</td><td>IP</td><td>create bank order (public)</td></tr>
 *   <tr><td>{@value #LOGIN_ACCOUNT}</td><td>10</td><td>15 min</td><td>account</td><td>login attempts for one account (a password and, once MFA is on, a code)</td></tr>
 *   <tr><td>{@value #LOGIN_IP}</td><td>20</td><td>1 min</td><td>IP</td><td>login attempts from one address</td></tr>
 *   <tr><td>{@value #API_KEYS_READ}</td><td>60</td><td>1 min</td><td>tenant</td><td>list API keys (apart, so listing cannot starve a revocation)</td></tr>
 *   <tr><td>{@value #AUDIT_READ}</td><td>30</td><td>1 min</td><td>tenant</td><td>read or verify the audit trail</td></tr>
 *   <tr><td>{@value #MFA}</td><td>5</td><td>15 min</td><td>user</td><td>MFA enrolment and verification: under 500 guesses a day at a six-digit code</td></tr>
 * </table>
 *
 * <p>A login is let through only when both {@value #LOGIN_ACCOUNT} and {@value #LOGIN_IP} allow
 * it. Scopes are built with {@link RateLimitScope}.
 */
public final class RateLimitPolicies {
  public static final String CHECKOUT_SESSION_CREATE = "checkout-session.create";
  public static final String CHECKOUT_SESSION_GET = "checkout-session.get";
  public static final String REFUND_CREATE = "refund.create";
  public static final String PAYMENT_LINK_GET = "payment-link.get";
  public static final String PAYMENT_LINK_CHECKOUT = "payment-link.checkout";
  public static final String API_KEYS = "api-keys";
  public static final String WEBHOOK_TEST = "webhook.test";
  public static final String LINKS_WRITE = "links.write";
  public static final String LINKS_READ = "links.read";
  public static final String WEBHOOKS_WRITE = "webhooks.write";
  public static final String WEBHOOKS_READ = "webhooks.read";
  public static final String EVENTS_READ = "events.read";
  public static final String PAYMENT_REQUEST_CREATE = "payment-request.create";
  public static final String PAYMENT_REQUEST_STATUS = "payment-request.status";
  public static final String BANK_ORDER_CREATE = "bank-order.create";
  public static final String LOGIN_ACCOUNT = "login.account";
  public static final String LOGIN_IP = "login.ip";
  public static final String MFA = "mfa";
  public static final String API_KEYS_READ = "api-keys.read";
  public static final String AUDIT_READ = "audit.read";

  private static final RateLimitPolicies DEFAULTS = new RateLimitPolicies(index(
      RateLimit.perMinute(CHECKOUT_SESSION_CREATE, 10),
      RateLimit.perMinute(CHECKOUT_SESSION_GET, 30),
      RateLimit.perMinute(REFUND_CREATE, 5),
      RateLimit.perMinute(PAYMENT_LINK_GET, 10),
      RateLimit.perMinute(PAYMENT_LINK_CHECKOUT, 3),
      RateLimit.perMinute(API_KEYS, 10),
      RateLimit.perMinute(WEBHOOK_TEST, 5),
      RateLimit.perMinute(LINKS_WRITE, 10),
      RateLimit.perMinute(LINKS_READ, 60),
      RateLimit.perMinute(WEBHOOKS_WRITE, 10),
      RateLimit.perMinute(WEBHOOKS_READ, 60),
      RateLimit.perMinute(EVENTS_READ, 60),
      RateLimit.perMinute(PAYMENT_REQUEST_CREATE, 100),
      RateLimit.perMinute(PAYMENT_REQUEST_STATUS, 300),
      new RateLimit(BANK_ORDER_CREATE, 10, Duration.ofMinutes(15)),
      new RateLimit(LOGIN_ACCOUNT, 10, Duration.ofMinutes(15)),
      RateLimit.perMinute(LOGIN_IP, 20),
      new RateLimit(MFA, 5, Duration.ofMinutes(15)),
      RateLimit.perMinute(API_KEYS_READ, 60),
      RateLimit.perMinute(AUDIT_READ, 30)));

  private final Map<String, RateLimit> limits;

  private RateLimitPolicies(Map<String, RateLimit> limits) {
    this.limits = limits;
  }

  public static RateLimitPolicies defaults() {
    return DEFAULTS;
  }

  /**
   * These policies with the limit called {@code name} replaced. Only known limits can be
   * overridden, so that a misspelt name in a tenant's settings is refused rather than ignored.
   */
  public RateLimitPolicies withOverride(String name, int limit, Duration window) {
    get(name);
    Map<String, RateLimit> changed = new LinkedHashMap<>(limits);
    changed.put(name, new RateLimit(name, limit, window));
    return new RateLimitPolicies(Map.copyOf(changed));
  }

  /** These policies with the named limits changed, each keeping its default window. */
  public RateLimitPolicies withLimits(Map<String, Integer> limitsByName) {
    RateLimitPolicies result = this;
    for (Map.Entry<String, Integer> entry : limitsByName.entrySet()) {
      result = result.withOverride(entry.getKey(), entry.getValue(), get(entry.getKey()).window());
    }
    return result;
  }

  /** The limit called {@code name}; an unknown name is an {@link IllegalArgumentException}. */
  public RateLimit get(String name) {
    Objects.requireNonNull(name, "name");
    RateLimit limit = limits.get(name);
    if (limit == null) {
      throw new IllegalArgumentException("no rate limit called " + name);
    }
    return limit;
  }

  public Set<String> names() {
    return limits.keySet();
  }

  private static Map<String, RateLimit> index(RateLimit... limits) {
    Map<String, RateLimit> byName = new LinkedHashMap<>();
    for (RateLimit limit : limits) {
      if (byName.put(limit.name(), limit) != null) {
        throw new IllegalStateException("rate limit " + limit.name() + " is declared twice");
      }
    }
    return Map.copyOf(byName);
  }
}

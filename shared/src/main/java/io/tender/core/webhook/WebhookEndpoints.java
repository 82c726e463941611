package io.tender.core.webhook;

import io.tender.core.auth.Principal;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.id.IdGenerator;
import io.tender.core.id.Ids;
import io.tender.core.tenant.ApprovedDomains;
import io.tender.core.tenant.Tenant;
import io.tender.core.tenant.TenantRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The webhook registry. A URL is accepted only on one of the tenant's approved domains (an
 * operator approves them) and only if the SSRF guard passes it; the signing secret is shown once,
 * at registration or rotation, and never again.
 */
public final class WebhookEndpoints {
  public static final String DOMAIN_NOT_APPROVED =
      "Webhook URL domain not approved. Please contact support to approve your domain.";
  /** Long enough for a merchant to deploy the new secret; both sign meanwhile. */
  public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
  /** Every event is POSTed to every subscribed endpoint: a bound keeps fan-out cheap. */
  public static final int MAX_ENDPOINTS = 16;

  private final WebhookEndpointRepository endpoints;
  private final TenantRepository tenants;
  private final OutboundUrlGuard guard;
  private final WebhookSecretGenerator secrets;
  private final IdGenerator ids;
  private final Clock clock;

  /** An endpoint with its newest secret, which the caller shows once. */
  public record WithSecret(WebhookEndpoint endpoint, String secret) {
    @Override
    public String toString() {
      return "WithSecret[" + endpoint + "]";
    }
  }

  public WebhookEndpoints(WebhookEndpointRepository endpoints, TenantRepository tenants, OutboundUrlGuard guard,
      WebhookSecretGenerator secrets, IdGenerator ids, Clock clock) {
    this.endpoints = endpoints;
    this.tenants = tenants;
    this.guard = guard;
    this.secrets = secrets;
    this.ids = ids;
    this.clock = clock;
  }

  public WithSecret register(Principal caller, RegisterWebhookEndpoint request) {
    requireApprovedDomain(caller.tenantId(), request.url());
    if (guard.check(request.url(), caller.mode()) instanceof OutboundUrlVerdict.Refused refused) {
      throw ApiException.validation(java.util.Map.of("url", List.of(refused.message())));
    }
    if (list(caller).stream().filter(e -> e.status() == WebhookEndpoint.Status.ENABLED).count() >= MAX_ENDPOINTS) {
      throw ApiException.of(ErrorCode.CONFLICT, "A tenant has at most " + MAX_ENDPOINTS + " webhook endpoints");
    }
    String secret = secrets.newSecret();
    Instant now = clock.instant();
    WebhookEndpoint endpoint = new WebhookEndpoint(ids.next("we"), caller.tenantId(), caller.mode(), request.url(),
        Set.copyOf(request.events()), WebhookEndpoint.Status.ENABLED, List.of(WebhookSigningSecret.current(secret)), 0,
        now);
    endpoints.create(endpoint);
    return new WithSecret(endpoint, secret);
  }

  /** The caller's endpoints in its mode, deleted ones left out. */
  public List<WebhookEndpoint> list(Principal caller) {
    return endpoints.list(caller.tenantId(), caller.mode()).stream()
        .filter(endpoint -> endpoint.status() == WebhookEndpoint.Status.ENABLED)
        .toList();
  }

  /** Deleted endpoints receive nothing more, pending retries included. */
  public WebhookEndpoint delete(Principal caller, String endpointId) {
    WebhookEndpoint current = find(caller, endpointId);
    WebhookEndpoint deleted = current.deleted();
    if (!endpoints.replace(deleted)) {
      throw ApiException.of(ErrorCode.CONFLICT, "The endpoint changed meanwhile; retry");
    }
    return deleted;
  }

  /** A new secret signs from now on; the old ones keep signing for {@link #ROTATION_OVERLAP}. */
  public WithSecret rotateSecret(Principal caller, String endpointId) {
    WebhookEndpoint current = find(caller, endpointId);
    String secret = secrets.newSecret();
    Instant now = clock.instant();
    WebhookEndpoint rotated = current.rotated(secret, now, now.plus(ROTATION_OVERLAP));
    if (!endpoints.replace(rotated)) {
      throw ApiException.of(ErrorCode.CONFLICT, "The endpoint changed meanwhile; retry");
    }
    return new WithSecret(rotated, secret);
  }

  /** Another tenant's endpoint, or a deleted one, answers as a missing one. */
  public WebhookEndpoint find(Principal caller, String endpointId) {
    if (endpointId == null || !Ids.isId("we", endpointId)) {
      throw ApiException.notFound("Webhook endpoint");
    }
    return endpoints.find(caller.tenantId(), caller.mode(), endpointId)
        .filter(endpoint -> endpoint.status() == WebhookEndpoint.Status.ENABLED)
        .orElseThrow(() -> ApiException.notFound("Webhook endpoint"));
  }

  private void requireApprovedDomain(String tenantId, String url) {
    Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new IllegalStateException("no tenant " + tenantId));
    String host;
    try {
      host = URI.create(url).getHost();
    } catch (IllegalArgumentException malformed) {
      throw ApiException.validation(java.util.Map.of("url", List.of("The url is not a valid absolute URL.")));
    }
    if (host == null || !ApprovedDomains.approves(tenant.approvedDomains(), host)) {
      throw ApiException.of(ErrorCode.DOMAIN_NOT_APPROVED, DOMAIN_NOT_APPROVED);
    }
  }
}

package io.tender.core.link;

import io.tender.core.id.Ids;
import io.tender.core.auth.Principal;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.checkout.LiveRedirects;
import io.tender.core.checkout.CreateCheckoutSession;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.money.AmountPolicy;
import io.tender.core.money.Money;
import io.tender.core.tenant.Mode;
import io.tender.core.tenant.Tenant;
import io.tender.core.tenant.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Payment links: merchants create, list and deactivate them; anyone with the slug reads the
 * link's public view and opens checkouts through it. A checkout counts one use of the link with
 * ONE conditional write before the session is created, so a limit of N never opens N+1 sessions.
 */
public final class PaymentLinks {
  /** Lower-case letters, digits and hyphens, 3 to 64, starting and ending with a letter or digit. */
  public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");
  public static final int MAX_PAGE = 100;

  /** 16 characters of 32: 80 random bits, so generated slugs cannot be guessed or enumerated. */
  private static final char[] SLUG_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final int GENERATED_SLUG_LENGTH = 16;
  private static final int GENERATED_SLUG_ATTEMPTS = 3;
  private static final Pattern LINK_POSITION = Pattern.compile("([0-9]{1,15}):(" + SLUG.pattern() + ")");

  private final PaymentLinkRepository links;
  private final CheckoutSessions checkouts;
  private final TenantRepository tenants;
  private final AmountPolicy amounts;
  private final RandomGenerator random;
  private final Clock clock;

  public PaymentLinks(PaymentLinkRepository links, CheckoutSessions checkouts, TenantRepository tenants,
      AmountPolicy amounts, RandomGenerator random, Clock clock) {
    this.links = links;
    this.checkouts = checkouts;
    this.tenants = tenants;
    this.amounts = amounts;
    this.random = random;
    this.clock = clock;
  }

  /** What the public sees of a link, at one instant. */
  public record PublicView(PaymentLink link, boolean isExpired, boolean usageLimitReached, boolean canPay) {}

  /** A checkout opened through a link: the link after its use was counted, and the session. */
  public record LinkCheckout(PaymentLink link, CheckoutSessions.View session) {}

  /** The link after deactivation, and whether this call did it (a repeat answers the first time). */
  public record Deactivation(PaymentLink link, boolean byThisCall) {}

  public PaymentLink create(Principal caller, CreatePaymentLink request) {
    Instant now = clock.instant();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    String successUrl = request.successUrl();
    String cancelUrl = request.cancelUrl();
    if (successUrl == null || cancelUrl == null) {
      Optional<String> fallback = defaultRedirect(caller.tenantId());
      if (fallback.isEmpty()) {
        String message = "Required: the tenant has no approved domain to send the payer back to.";
        if (successUrl == null) {
          errors.put("successUrl", List.of(message));
        }
        if (cancelUrl == null) {
          errors.put("cancelUrl", List.of(message));
        }
      }
      successUrl = successUrl == null ? fallback.orElse(null) : successUrl;
      cancelUrl = cancelUrl == null ? fallback.orElse(null) : cancelUrl;
    }
    // Every checkout the link opens sends these fields, so they must make a valid checkout request.
    try {
      new CreateCheckoutSession(request.amount(), request.currency(), request.reference(), List.of("card"),
          successUrl, cancelUrl);
    } catch (ApiException invalid) {
      invalid.fieldErrors().forEach(errors::putIfAbsent);
    }
    if (caller.mode() == Mode.LIVE) {
      Tenant tenant = tenants.find(caller.tenantId())
          .orElseThrow(() -> new IllegalStateException("no tenant " + caller.tenantId()));
      LiveRedirects.errors(tenant, successUrl, cancelUrl).forEach(errors::putIfAbsent);
    }
    if (request.slug() != null && !SLUG.matcher(request.slug()).matches()) {
      errors.put("slug", List.of("The slug is 3 to 64 lower-case letters, digits and hyphens, starting and ending "
          + "with a letter or digit."));
    }
    Instant expiresAt = expiry(request.expiresAt(), now, errors);
    if (request.usageLimit() != null && request.usageLimit() < 1) {
      errors.put("usage_limit", List.of("The usage_limit is at least 1; leave it out for an unlimited link."));
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    Money money = amounts.requireMinor(request.amount(), request.currency());
    OptionalLong usageLimit = request.usageLimit() == null ? OptionalLong.empty()
        : OptionalLong.of(request.usageLimit());

    if (request.slug() != null) {
      PaymentLink link = link(request.slug(), caller, money, request.reference(), successUrl, cancelUrl, expiresAt,
          usageLimit, now);
      if (!links.create(link)) {
        throw ApiException.of(ErrorCode.CONFLICT, "The slug " + request.slug() + " is taken; choose another");
      }
      return link;
    }
    for (int attempt = 0; attempt < GENERATED_SLUG_ATTEMPTS; attempt++) {
      PaymentLink link = link(generatedSlug(), caller, money, request.reference(), successUrl, cancelUrl, expiresAt,
          usageLimit, now);
      if (links.create(link)) {
        return link;
      }
    }
    throw new IllegalStateException("no free slug after " + GENERATED_SLUG_ATTEMPTS + " random draws");
  }

  /** The tenant's links in that mode, newest first, {@code limit} at a time. */
  public LinkPage<PaymentLink> list(String tenantId, Mode mode, Optional<String> cursor, int limit) {
    requirePageSize(limit);
    Optional<PaymentLinkRepository.LinkPosition> before = cursor.map(text -> {
      var position = LINK_POSITION.matcher(LinkCursor.position("links", tenantId, mode, text));
      if (!position.matches()) {
        throw LinkCursor.invalid();
      }
      return new PaymentLinkRepository.LinkPosition(Instant.ofEpochMilli(Long.parseLong(position.group(1))),
          position.group(2));
    });
    List<PaymentLink> found = links.list(tenantId, mode, before, limit + 1);
    if (found.size() <= limit) {
      return new LinkPage<>(found, Optional.empty());
    }
    PaymentLink last = found.get(limit - 1);
    return new LinkPage<>(found.subList(0, limit), Optional.of(LinkCursor.of("links", tenantId, mode,
        last.createdAt().toEpochMilli() + ":" + last.slug())));
  }

  public Deactivation deactivate(String tenantId, Mode mode, String slug) {
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw ApiException.notFound("Payment link"); // not a slug, so not this tenant's either
    }
    PaymentLinkRepository.Deactivated deactivated = links.deactivate(tenantId, mode, slug, clock.instant())
        .orElseThrow(() -> ApiException.notFound("Payment link"));
    return new Deactivation(deactivated.link(), deactivated.byThisCall());
  }

  /** The checkout sessions the tenant's link opened, newest first. */
  public LinkPage<LinkSession> sessions(String tenantId, Mode mode, String slug, Optional<String> cursor,
      int limit) {
    requirePageSize(limit);
    if (slug == null || !SLUG.matcher(slug).matches() || links.find(tenantId, mode, slug).isEmpty()) {
      throw ApiException.notFound("Payment link");
    }
    String listing = "sessions:" + slug;
    Optional<String> before = cursor.map(text -> {
      String position = LinkCursor.position(listing, tenantId, mode, text);
      if (!Ids.isId("cs", position)) {
        throw LinkCursor.invalid();
      }
      return position;
    });
    List<LinkSession> found = links.sessions(tenantId, mode, slug, before, limit + 1);
    if (found.size() <= limit) {
      return new LinkPage<>(found, Optional.empty());
    }
    return new LinkPage<>(found.subList(0, limit),
        Optional.of(LinkCursor.of(listing, tenantId, mode, found.get(limit - 1).sessionId())));
  }

  /** The public view of a link; an unknown slug is a 404. */
  public PublicView view(String slug) {
    PaymentLink link = findPublic(slug);
    Instant now = clock.instant();
    return new PublicView(link, link.isExpired(now), link.usageLimitReached(), link.canPay(now));
  }

  /**
   * Opens a checkout through a link: counts one use (refused unless active, unexpired and under
   * the limit), then creates the session for the link's tenant, then records the session on the
   * link.
   */
  public LinkCheckout checkout(String slug, List<String> methodTypes) {
    PaymentLink link = findPublic(slug);
    // Built (and so validated) before the use is counted: a bad request uses nothing up.
    CreateCheckoutSession request = new CreateCheckoutSession(link.amount().minor(), link.amount().currency().code(),
        link.reference(), methodTypes, link.successUrl(), link.cancelUrl());
    Instant now = clock.instant();
    PaymentLink counted = switch (links.claimUse(link.tenantId(), link.mode(), link.slug(), now)) {
      case PaymentLinkRepository.UseClaim.Claimed claimed -> claimed.link();
      case PaymentLinkRepository.UseClaim.Refused refused -> throw refusal(refused.link(), now);
      case PaymentLinkRepository.UseClaim.Missing missing -> throw ApiException.notFound("Payment link");
    };
    CheckoutSessions.View session;
    try {
      session = checkouts.create(new Principal.PaymentLinkPayer(link.tenantId(), link.mode(), link.slug()), request);
    } catch (RuntimeException failed) {
      // The use is given back whatever failed: a refusal, an unavailable provider, a storage error.
      // The payer is never handed this attempt's page, so nobody can pay it even if the provider
      // made a checkout before timing out (it expires unpaid), and a link must
      // not be burned by an outage. Should giving back fail too, the use stays counted: one use
      // lost is the lesser evil, and the limit still holds.
      try {
        links.releaseUse(link.tenantId(), link.mode(), link.slug());
      } catch (RuntimeException releaseFailed) {
        failed.addSuppressed(releaseFailed);
      }
      if (failed instanceof ApiException refused && refused.code() == ErrorCode.PROVIDER_UNAVAILABLE) {
        // A payer has no Idempotency-Key to retry with; the use is back, so a plain retry is right.
        throw ApiException.of(ErrorCode.PROVIDER_UNAVAILABLE, "The payment provider did not answer; try again shortly");
      }
      throw failed;
    }
    // The session exists from here on, so its use stays counted even if recording it fails.
    links.recordSession(link.tenantId(), link.mode(), link.slug(),
        new LinkSession(session.session().id(), session.payment().id(), session.session().createdAt()));
    return new LinkCheckout(counted, session);
  }

  private PaymentLink findPublic(String slug) {
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw ApiException.notFound("Payment link");
    }
    return links.findBySlug(slug).orElseThrow(() -> ApiException.notFound("Payment link"));
  }

  private static ApiException refusal(PaymentLink link, Instant now) {
    if (link.status() == PaymentLinkStatus.INACTIVE) {
      return ApiException.of(ErrorCode.PAYMENT_LINK_INACTIVE, "This payment link is no longer active");
    }
    if (link.isExpired(now)) {
      return ApiException.of(ErrorCode.PAYMENT_LINK_EXPIRED, "This payment link has expired");
    }
    return ApiException.of(ErrorCode.PAYMENT_LINK_USAGE_LIMIT_REACHED, "This payment link has reached its usage limit");
  }

  private Optional<String> defaultRedirect(String tenantId) {
    return tenants.find(tenantId).map(Tenant::approvedDomains).filter(domains -> !domains.isEmpty())
        .map(domains -> "https://" + domains.get(0) + "/");
  }

  /** Milliseconds are what the store compares, so the link keeps no finer expiry than that. */
  private static Instant expiry(String text, Instant now, Map<String, List<String>> errors) {
    if (text == null || text.isBlank()) {
      errors.put("expires_at", List.of("The expires_at field is required (ISO-8601, e.g. 2025-12-31T23:59:59Z)."));
      return null;
    }
    Instant expiresAt;
    try {
      expiresAt = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      errors.put("expires_at", List.of("The expires_at is an ISO-8601 time with an offset, e.g. 2025-12-31T23:59:59Z."));
      return null;
    }
    if (!expiresAt.isAfter(now)) {
      errors.put("expires_at", List.of("The expires_at must be in the future."));
    }
    return expiresAt;
  }

  private static void requirePageSize(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw ApiException.validation(Map.of("limit", List.of("The limit is a whole number from 1 to " + MAX_PAGE + ".")));
    }
  }

  private String generatedSlug() {
    char[] slug = new char[GENERATED_SLUG_LENGTH];
    for (int i = 0; i < slug.length; i++) {
      slug[i] = SLUG_ALPHABET[random.nextInt(SLUG_ALPHABET.length)];
    }
    return new String(slug);
  }

  private static PaymentLink link(String slug, Principal caller, Money money, String reference, String successUrl,
      String cancelUrl, Instant expiresAt, OptionalLong usageLimit, Instant now) {
    return new PaymentLink(slug, caller.tenantId(), caller.mode(), money, reference, successUrl, cancelUrl,
        expiresAt, usageLimit, 0, PaymentLinkStatus.ACTIVE, now, Optional.empty(), 1);
  }
}

package io.tender.core.link;

import io.tender.core.money.Money;
import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A merchant's shareable page for one fixed amount: anyone with the slug may open a checkout for
 * it while it is active, unexpired and under its usage limit. Slugs are unique across all
 * tenants, because the public routes know nothing but the slug.
 *
 * @param usageLimit how many checkouts the link may open; empty for unlimited
 * @param usageCount how many checkouts it has opened (a use is counted before the checkout is
 *     created and given back if the provider refuses it)
 * @param version raised by every write
 */
public record PaymentLink(
    String slug,
    String tenantId,
    Mode mode,
    Money amount,
    String reference,
    String successUrl,
    String cancelUrl,
    Instant expiresAt,
    OptionalLong usageLimit,
    long usageCount,
    PaymentLinkStatus status,
    Instant createdAt,
    Optional<Instant> deactivatedAt,
    long version) {

  public PaymentLink {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(usageLimit, "usageLimit");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(deactivatedAt, "deactivatedAt");
  }

  /** Expired from its expiry instant on. */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public boolean usageLimitReached() {
    return usageLimit.isPresent() && usageCount >= usageLimit.getAsLong();
  }

  public boolean canPay(Instant now) {
    return status == PaymentLinkStatus.ACTIVE && !isExpired(now) && !usageLimitReached();
  }
}

package io.tender.core.link;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where payment links are kept: under their tenant, and findable by slug alone. */
public interface PaymentLinkRepository {

  /** Stores a new link and claims its slug; false when the slug is taken, by any tenant. */
  boolean create(PaymentLink link);

  /** The link with this slug, whoever owns it: for the public routes. */
  Optional<PaymentLink> findBySlug(String slug);

  /** The tenant's link in that mode; another tenant's answers empty. */
  Optional<PaymentLink> find(String tenantId, Mode mode, String slug);

  /** Where a page of links ends: the last link's creation time and slug. */
  record LinkPosition(Instant createdAt, String slug) {}

  /** Up to {@code limit} of the tenant's links in that mode, newest first, older than {@code before}. */
  List<PaymentLink> list(String tenantId, Mode mode, Optional<LinkPosition> before, int limit);

  /** A link switched off, and whether this call switched it (a repeat finds it off already). */
  record Deactivated(PaymentLink link, boolean byThisCall) {}

  /**
   * Switches the tenant's link off once; answers the link as it is afterwards (with its first
   * deactivation time on repeats), or empty when the tenant has no such link.
   */
  Optional<Deactivated> deactivate(String tenantId, Mode mode, String slug, Instant at);

  /** What came of trying to count one use of a link. */
  sealed interface UseClaim {
    /** Counted: the link with its new usage count. */
    record Claimed(PaymentLink link) implements UseClaim {}

    /** Not counted: inactive, expired or used up, as the link was when the condition was checked. */
    record Refused(PaymentLink link) implements UseClaim {}

    record Missing() implements UseClaim {}
  }

  /**
   * Counts one use in ONE conditional write: only while the link is active, unexpired at
   * {@code now} and under its usage limit. Concurrent claims on a limit of N count at most N.
   */
  UseClaim claimUse(String tenantId, Mode mode, String slug, Instant now);

  /** Gives back a use whose checkout was never opened; never takes the count below zero. */
  void releaseUse(String tenantId, Mode mode, String slug);

  /** Records a checkout session the link opened (repeating it changes nothing). */
  void recordSession(String tenantId, Mode mode, String slug, LinkSession session);

  /** Up to {@code limit} of the link's sessions, newest first, older than the session id {@code before}. */
  List<LinkSession> sessions(String tenantId, Mode mode, String slug, Optional<String> before, int limit);
}

package io.tender.core.refund;

import io.tender.core.id.Ids;
import io.tender.core.auth.Principal;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.id.IdGenerator;
import io.tender.core.idempotency.RequestFingerprint;
import io.tender.core.money.AmountPolicy;
import io.tender.core.money.Money;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentRepository;
import io.tender.core.payment.ProviderReference;
import io.tender.core.payment.Refund;
import io.tender.core.payment.RefundNotAllowedException;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.ProviderUnavailableException;
import io.tender.core.provider.RefundRequest;
import io.tender.core.provider.RefundState;
import io.tender.core.settlement.Contention;
import io.tender.core.settlement.Settlement;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Refunds. The amount is reserved on the payment with a conditional write BEFORE the provider is
 * called (refunded + reserved ≤ captured, so no race refunds more than was captured), confirmed
 * when the provider confirms, released when it refuses, and left reserved while its answer is
 * unknown (reconciliation settles it).
 */
public final class Refunds {
  static final int ATTEMPTS = 30;
  private static final char[] ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  private final PaymentRepository payments;
  private final CheckoutConnector connector;
  private final Settlement settlement;
  private final AmountPolicy amounts;
  private final IdGenerator ids;
  private final Clock clock;

  /** What the merchant is told: {@code status} is succeeded, pending or failed. */
  public record Refunded(String refundId, String paymentId, String status, long amount,
      Optional<String> providerRefundId) {}

  public Refunds(PaymentRepository payments, CheckoutConnector connector, Settlement settlement, AmountPolicy amounts,
      IdGenerator ids, Clock clock) {
    this.payments = payments;
    this.connector = connector;
    this.settlement = settlement;
    this.amounts = amounts;
    this.ids = ids;
    this.clock = clock;
  }

  public Refunded refund(Principal caller, CreateRefund request) {
    return refund(caller, request, Optional.empty());
  }

  /**
   * As {@link #refund(Principal, CreateRefund)}, for a request sent with an {@code Idempotency-Key}:
   * the refund's id is derived from the key, so a retry of a request that died half-way (after its
   * reservation, or after the provider refunded) finds its own refund and finishes it, with the
   * same provider request, instead of reserving and refunding the amount a second time.
   */
  public Refunded refund(Principal caller, CreateRefund request, Optional<String> idempotencyKey) {
    if (!Ids.isId("pay", request.paymentId())) {
      throw ApiException.notFound("Payment");
    }
    Payment payment = load(caller, request.paymentId());
    Money money = amounts.requireMinor(request.amount(), payment.currency());
    String refundId = idempotencyKey.map(key -> keyedRefundId(caller, payment.id(), key)).orElseGet(() -> ids.next("re"));
    Optional<Refund> earlier = payment.refund(refundId);
    if (earlier.isPresent()) {
      Optional<Refunded> finished = finishedEarlier(payment, earlier.get(), money.minor());
      if (finished.isPresent()) {
        return finished.get();
      }
    } else {
      reserve(caller, payment, refundId, money.minor());
    }
    ProviderReference provider = payment.provider()
        .orElseThrow(() -> ApiException.of(ErrorCode.REFUND_NOT_ALLOWED, "This payment was never sent to a provider"));

    RefundState state;
    try {
      state = connector.refund(new RefundRequest(payment.id(), refundId, provider.providerPaymentId(), money,
          payment.tenantId(), payment.mode()));
    } catch (ProviderUnavailableException unknown) {
      // The provider may or may not have refunded: keep the reservation; reconciliation decides.
      return new Refunded(refundId, payment.id(), "pending", money.minor(), Optional.empty());
    } catch (ProviderRefusedException refused) {
      settlement.apply(() -> payments.find(caller.tenantId(), caller.mode(), payment.id()),
          new PaymentEvent.RefundFailed(refundId, clock.instant()));
      throw ApiException.of(ErrorCode.REFUND_NOT_ALLOWED, "The payment provider refused the refund: "
          + refused.refusal().name().toLowerCase(java.util.Locale.ROOT));
    }
    settlement.apply(() -> payments.find(caller.tenantId(), caller.mode(), payment.id()), state.event());
    String status = switch (state.event()) {
      case PaymentEvent.RefundSucceeded succeeded -> "succeeded";
      case PaymentEvent.RefundFailed failed -> "failed";
      default -> "pending";
    };
    return new Refunded(refundId, payment.id(), status, money.minor(), Optional.of(state.providerRefundId()));
  }

  /**
   * An earlier attempt with the same key reserved this refund: its answer if it is over, empty
   * when it is still reserved and the provider is to be asked (again) with the same request.
   */
  private static Optional<Refunded> finishedEarlier(Payment payment, Refund earlier, long amount) {
    if (earlier.amount() != amount) {
      throw ApiException.of(ErrorCode.REFUND_NOT_ALLOWED, "Duplicate refund");
    }
    return switch (earlier.status()) {
      case RESERVED -> Optional.empty();
      case SUCCEEDED -> Optional.of(new Refunded(earlier.id(), payment.id(), "succeeded", amount,
          earlier.providerRefundId()));
      case FAILED -> throw ApiException.of(ErrorCode.REFUND_NOT_ALLOWED, "The payment provider refused the refund");
    };
  }

  /** The same (tenant, mode, payment, key) always names the same refund; the key itself is not kept. */
  private static String keyedRefundId(Principal caller, String paymentId, String idempotencyKey) {
    byte[] digest = HexFormat.of().parseHex(RequestFingerprint.of("refund",
        caller.tenantId() + "#" + caller.mode().wire() + "#" + paymentId, idempotencyKey.getBytes(StandardCharsets.UTF_8)));
    char[] suffix = new char[26];
    for (int i = 0; i < suffix.length; i++) {
      suffix[i] = ID_ALPHABET[digest[i] & 31];
    }
    return "re_" + new String(suffix);
  }

  /** Reserves on the payment already read, re-reading it only after losing a race. */
  private void reserve(Principal caller, Payment read, String refundId, long amount) {
    Payment current = read;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) {
        current = load(caller, read.id());
      }
      if (current.refund(refundId).isPresent()) {
        return; // reserved meanwhile by an earlier attempt with the same key, which may still be running
      }
      Payment reserved;
      try {
        reserved = current.reserveRefund(refundId, amount, clock.instant());
      } catch (RefundNotAllowedException refused) {
        throw ApiException.of(ErrorCode.REFUND_NOT_ALLOWED, switch (refused.reason()) {
          case EXCEEDS_REFUNDABLE -> "Refund amount exceeds the refundable amount of " + refused.refundable();
          case STATE -> "This payment cannot be refunded in its current state";
          case AMOUNT -> "Valid amount is required";
          case DUPLICATE_REFUND_ID -> "Duplicate refund";
        });
      }
      if (payments.replace(reserved)) {
        return;
      }
      Contention.pause(attempt);
    }
    throw ApiException.of(ErrorCode.CONFLICT, "The payment is changing; retry the refund");
  }

  /** Another tenant's payment answers exactly as a missing one. */
  private Payment load(Principal caller, String paymentId) {
    return payments.find(caller.tenantId(), caller.mode(), paymentId)
        .orElseThrow(() -> ApiException.notFound("Payment"));
  }
}

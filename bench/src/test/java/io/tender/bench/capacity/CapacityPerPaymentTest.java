package io.tender.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.bench.stack.BenchStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capacity budget of one payment (issue #6): create → pay webhooks → settlement → two status
 * GETs → the poller at the session's end (which finds nothing of a paid payment), at most 14 write units and 4 read units as DynamoDB
 * on-demand bills them (transactional items twice, failed conditions at least one unit; see
 * {@link CapacityMeter}). Everything counts: API-key and tenant lookups, rate-limit counters,
 * idempotency records, audit entries, provider events, ledger entries and balances.
 *
 * <p>The merchant notification is counted: its outbox records inside the settlement transaction,
 * the dispatcher's fan-out and the delivery attempt.
 *
 * <p>The breakdown is written to {@code target/capacity-per-payment.md} and to the test's output.
 */
class CapacityPerPaymentTest {
  static final double WRITE_BUDGET = 14;
  static final double READ_BUDGET = 4;
  private static final String STACK = "capacity";

  private static BenchStack stack;
  private static PaymentLifecycle.Result result;

  @BeforeAll
  static void runOnePayment() throws IOException {
    stack = BenchStack.start(Path.of("../template.yaml"), STACK, true);
    result = PaymentLifecycle.run(stack, STACK);
    String report = report(result);
    System.out.println(report);
    Files.writeString(Path.of("target", "capacity-per-payment.md"), report);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void everyStepOfTheLifecycleWasMetered() {
    List<String> steps = result.lifecycle().stream().map(MeteredCall::step).distinct().toList();

    // The poller at the session's end reads only the due index (per run, not per payment): a paid
    // payment is not due, so it costs nothing there.
    assertThat(steps).containsExactlyInAnyOrder(PaymentLifecycle.CREATE, PaymentLifecycle.PAY,
        PaymentLifecycle.NOTIFY, PaymentLifecycle.STATUS);
    assertThat(result.perSweep()).as("the poller ran, and read the due index")
        .extracting(MeteredCall::step).contains(PaymentLifecycle.SWEEP);
    assertThat(result.lifecycle()).extracting(result::part)
        .contains("CreateCheckoutSessionFunction", "ReceiveStripeWebhookFunction", "SettleProviderEventFunction",
            "DispatchMerchantEventsFunction", "DeliverWebhookFunction", "GetCheckoutSessionFunction");
    assertThat(result.refund()).extracting(result::part).contains("CreateRefundFunction");
    assertThat(result.warm()).hasSize(PaymentLifecycle.WARM_PAYMENTS).allSatisfy(payment ->
        assertThat(payment).extracting(MeteredCall::step).containsOnly(PaymentLifecycle.CREATE, PaymentLifecycle.PAY,
            PaymentLifecycle.NOTIFY, PaymentLifecycle.STATUS));
  }

  static String report(PaymentLifecycle.Result result) {
    return "Budget per payment: " + CapacityReport.units(WRITE_BUDGET) + " WRU, " + CapacityReport.units(READ_BUDGET)
        + " RRU\n" + result.report();
  }
}

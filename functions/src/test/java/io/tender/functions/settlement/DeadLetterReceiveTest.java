package io.tender.functions.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A settlement message's last receive is the one the dead-letter metric is counted on. */
class DeadLetterReceiveTest {

  @Test
  void onlyTheReceiveThatReachesTheRedriveLimitIsTheLast() {
    assertThat(SettleProviderEventHandler.lastReceive(received(SettleProviderEventHandler.MAX_RECEIVES - 1))).isFalse();
    assertThat(SettleProviderEventHandler.lastReceive(received(SettleProviderEventHandler.MAX_RECEIVES))).isTrue();
    assertThat(SettleProviderEventHandler.lastReceive(received(SettleProviderEventHandler.MAX_RECEIVES + 2))).isTrue();
  }

  @Test
  void aMessageWithoutAReadableCountIsNotTakenForTheLast() {
    SQSEvent.SQSMessage bare = new SQSEvent.SQSMessage();
    SQSEvent.SQSMessage garbled = new SQSEvent.SQSMessage();
    garbled.setAttributes(Map.of("ApproximateReceiveCount", "many"));

    assertThat(SettleProviderEventHandler.lastReceive(bare)).isFalse();
    assertThat(SettleProviderEventHandler.lastReceive(garbled)).isFalse();
  }

  @Test
  void onlyAFirstReceiveMayDeferSoADeferralTakesOneReceiveAtMost() {
    SQSEvent.SQSMessage bare = new SQSEvent.SQSMessage();

    assertThat(SettleProviderEventHandler.mayDefer(received(1))).isTrue();
    assertThat(SettleProviderEventHandler.mayDefer(received(2))).isFalse();
    assertThat(SettleProviderEventHandler.mayDefer(bare)).as("an unknown count settles now").isFalse();
    assertThat(SettleProviderEventHandler.lastReceive(received(2)))
        .as("after a deferral, as many tries to settle remain as a hint never deferred has").isFalse();
    assertThat(SettleProviderEventHandler.MAX_RECEIVES - 1).as("five tries to settle besides the deferral")
        .isEqualTo(5);
  }

  private static SQSEvent.SQSMessage received(int times) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(times)));
    return message;
  }
}

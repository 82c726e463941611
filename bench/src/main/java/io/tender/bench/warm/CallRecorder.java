package io.tender.bench.warm;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;

/** The SDK requests one piece of work makes on this thread, as its code built them. */
public final class CallRecorder {
  private static final ThreadLocal<List<SdkRequest>> RECORDING = new ThreadLocal<>();

  private CallRecorder() {}

  /** Runs {@code work} and answers the requests it made, in order. */
  public static List<SdkRequest> record(Runnable work) {
    List<SdkRequest> requests = new ArrayList<>();
    RECORDING.set(requests);
    try {
      work.run();
    } finally {
      RECORDING.remove();
    }
    return requests;
  }

  /** Called by the interceptor for every request. */
  public static void offer(SdkRequest request) {
    List<SdkRequest> requests = RECORDING.get();
    if (requests != null) {
      requests.add(request);
    }
  }
}

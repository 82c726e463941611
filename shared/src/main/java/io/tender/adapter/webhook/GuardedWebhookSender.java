package io.tender.adapter.webhook;

import io.tender.core.webhook.DeliveryAttemptResult;
import io.tender.core.webhook.DeliveryErrorClass;
import io.tender.core.webhook.OutboundUrlGuard;
import io.tender.core.webhook.OutboundUrlRefusal;
import io.tender.core.webhook.OutboundUrlVerdict;
import io.tender.core.webhook.OutboundUrlVerdict.Allowed;
import io.tender.core.webhook.OutboundUrlVerdict.Refused;
import io.tender.core.webhook.WebhookRequest;
import io.tender.core.webhook.WebhookSender;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Delivers webhooks to merchant URLs through the SSRF guard. Each attempt checks the URL again
 * (its DNS may have changed since registration), connects only to an address that check approved
 * (see {@link PinnedHttpExchange}), never follows a redirect, and ends within
 * {@link SendTimeouts#total()}. Never throws for what the network or the endpoint does.
 */
public final class GuardedWebhookSender implements WebhookSender {
  private final OutboundUrlGuard guard;
  private final SSLSocketFactory tls;
  private final SendTimeouts timeouts;

  /** {@code tls} decides which certificates are trusted; tests pass one trusting their own. */
  public GuardedWebhookSender(OutboundUrlGuard guard, SSLSocketFactory tls, SendTimeouts timeouts) {
    this.guard = Objects.requireNonNull(guard, "guard");
    this.tls = Objects.requireNonNull(tls, "tls");
    this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
  }

  /** Production wiring: the JVM's trusted certificate authorities and the default timeouts. */
  public static GuardedWebhookSender withSystemTrust(OutboundUrlGuard guard) {
    try {
      return new GuardedWebhookSender(
          guard, SSLContext.getDefault().getSocketFactory(), SendTimeouts.DEFAULT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
  }

  @Override
  public DeliveryAttemptResult send(WebhookRequest request) {
    long started = System.nanoTime();
    Deadline deadline = Deadline.after(timeouts.total());
    try {
      return switch (checkWithin(deadline, request)) {
        case Refused refused -> DeliveryAttemptResult.failed(
            refused.reason() == OutboundUrlRefusal.UNRESOLVABLE
                ? DeliveryErrorClass.DNS_FAILED : DeliveryErrorClass.SSRF_REFUSED,
            elapsedMillis(started), refused.reason() + ": " + refused.detail());
        case Allowed allowed -> {
          ResponseReader.Answer answer = PinnedHttpExchange.post(
              allowed.target(), request, tls, timeouts.connect(), deadline);
          yield DeliveryAttemptResult.answered(
              answer.status(), elapsedMillis(started), answer.excerpt());
        }
      };
    } catch (IOException e) {
      return DeliveryAttemptResult.failed(classify(e, deadline), elapsedMillis(started),
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * The guard resolves DNS, which has no timeout of its own in the JDK; it runs on a virtual thread
   * so that a stalled lookup costs the attempt its deadline, not more.
   */
  private OutboundUrlVerdict checkWithin(Deadline deadline, WebhookRequest request)
      throws IOException {
    FutureTask<OutboundUrlVerdict> check =
        new FutureTask<>(() -> guard.check(request.url(), request.mode()));
    Thread.ofVirtual().name("webhook-guard").start(check);
    try {
      return check.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      check.cancel(true);
      throw new SocketTimeoutException("resolving the host took longer than the total timeout");
    } catch (InterruptedException e) {
      check.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while checking the URL");
    } catch (ExecutionException e) {
      // The guard never throws on input; anything else is a defect and must surface.
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("the URL guard failed", e.getCause());
    }
  }

  private static DeliveryErrorClass classify(IOException e, Deadline deadline) {
    if (e instanceof SocketTimeoutException || deadline.passed()) {
      return DeliveryErrorClass.TIMEOUT;
    }
    if (e instanceof ConnectException) {
      return DeliveryErrorClass.CONNECT_REFUSED;
    }
    if (e instanceof SSLException) {
      return DeliveryErrorClass.TLS;
    }
    if (e instanceof MalformedResponseException) {
      return DeliveryErrorClass.INVALID_RESPONSE;
    }
    return DeliveryErrorClass.CONNECTION_FAILED;
  }

  private static long elapsedMillis(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }
}

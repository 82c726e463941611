package io.tender.core.webhook;

import java.util.Locale;

/** Why a delivery attempt failed, coarse enough to group by and to show merchants. */
public enum DeliveryErrorClass {
  /** The URL failed the SSRF guard at send time (changed DNS, or a URL that was never allowed). */
  SSRF_REFUSED,
  /** The host did not resolve. */
  DNS_FAILED,
  /** No checked address accepted the connection: refused, or not reachable. */
  CONNECT_REFUSED,
  /** The connection broke after it was made (reset, or closed before an answer). */
  CONNECTION_FAILED,
  /** Connecting took longer than the connect timeout, or the attempt longer than the total. */
  TIMEOUT,
  /** TLS failed: untrusted or expired certificate, wrong host name, no common protocol. */
  TLS,
  /** The endpoint answered something that is not HTTP/1.x. */
  INVALID_RESPONSE,
  /** The endpoint answered 3xx. Redirects are never followed: they could point anywhere. */
  REDIRECT,
  /** The endpoint answered a status outside 2xx and 3xx. */
  HTTP_ERROR;

  /** The lowercase name stored and shown, such as {@code connect_refused}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}

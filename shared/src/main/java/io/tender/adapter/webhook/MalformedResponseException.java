package io.tender.adapter.webhook;

import java.io.IOException;

/** The endpoint answered, but not with an HTTP/1.x response head we can read. */
final class MalformedResponseException extends IOException {
  MalformedResponseException(String message) {
    super(message);
  }
}

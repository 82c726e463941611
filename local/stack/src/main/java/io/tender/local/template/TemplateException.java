package io.tender.local.template;

/** The template cannot be served; the message names the resource (or line) that is wrong. */
public final class TemplateException extends RuntimeException {
  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.cidoctor.ci.github;

/** A webhook body could not be read as the event it claims to be; the message says why in one sentence. */
public final class WebhookException extends RuntimeException {
  public WebhookException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.cidoctor.notify;

import java.util.List;

/**
 * A notification could not be configured or delivered. The message is one sentence for a person and
 * never contains a webhook URL, key or token; {@link #reason()} tells a retry loop whether to try again.
 */
public final class NotifyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a notification failed, from the caller's point of view. */
  public enum Reason {
    /** The channel is not configured, or its settings or the routing file are invalid. */
    CONFIG,
    /** The service refused the request (a 4xx other than 408 and 429): retrying will not help. */
    REJECTED,
    /** The service failed, throttled or could not be reached (5xx, 408, 429, I/O): retry later. */
    UNAVAILABLE
  }

  private final Reason reason;
  private final String channel;
  private final int status;
  private final transient List<String> problems;

  public NotifyException(Reason reason, String channel, int status, String message) {
    this(reason, channel, status, message, List.of(), null);
  }

  public NotifyException(Reason reason, String channel, int status, String message, List<String> problems, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.channel = channel;
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  /** Classifies an HTTP status: 408, 429 and 5xx are worth retrying, other 4xx are not. */
  static Reason forStatus(int status) {
    return status == 408 || status == 429 || status >= 500 || status == 0 ? Reason.UNAVAILABLE : Reason.REJECTED;
  }

  public Reason reason() {
    return reason;
  }

  /** The channel name ({@code slack}, {@code discord} ...), or null for the routing file. */
  public String channel() {
    return channel;
  }

  /** The HTTP status the service answered, or 0 when none came (or for SMTP and configuration). */
  public int status() {
    return status;
  }

  /** Every problem found in a configuration, when there were several; empty otherwise. */
  public List<String> problems() {
    return problems;
  }

  /** Says whether a later attempt may succeed. */
  public boolean retryable() {
    return reason == Reason.UNAVAILABLE;
  }
}

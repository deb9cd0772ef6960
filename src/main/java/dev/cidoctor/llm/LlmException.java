package dev.cidoctor.llm;

/**
 * Says that a language model could not be asked or did not answer: the provider, what went wrong
 * and whether trying again may help (rate limits, timeouts, server errors).
 */
public final class LlmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure; retryable kinds are retried with a back-off before giving up. */
  public enum Kind {
    CONFIG(false), RATE_LIMITED(true), TIMEOUT(true), SERVER(true), REJECTED(false), UNAUTHORIZED(false), OTHER(false);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  private final Kind kind;

  public LlmException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public LlmException(Kind kind, String message) {
    this(kind, message, null);
  }

  public Kind kind() {
    return kind;
  }
}

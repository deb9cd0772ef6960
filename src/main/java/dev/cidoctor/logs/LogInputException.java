package dev.cidoctor.logs;

/**
 * An input that cannot be analyzed: missing, a directory, empty, binary, a corrupt zip or a zip that
 * expands past the limits. The message is one sentence a person can act on.
 */
public final class LogInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LogInputException(String message) {
    super(message);
  }

  public LogInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

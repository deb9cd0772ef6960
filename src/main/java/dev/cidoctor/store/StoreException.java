package dev.cidoctor.store;

/**
 * The pattern store cannot do what was asked: the database file is corrupt, read-only or locked, or
 * the server is unreachable. The message is one sentence naming the store (never its password) and
 * the fix.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}

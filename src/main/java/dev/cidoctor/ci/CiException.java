package dev.cidoctor.ci;

/**
 * A CI service refused or failed a request. The message is one sentence for a person (what was asked,
 * of which repo, what the service answered and what to do); {@link #kind()} lets callers decide
 * whether to skip, wait or give up.
 */
public final class CiException extends RuntimeException {
  /** Why a request failed, from the caller's point of view. */
  public enum Kind {
    /** The token is missing, wrong or lacks a permission (401, 403 without a rate limit). */
    UNAUTHORIZED,
    /** The repo, run, job or file does not exist or is not visible to the token (404). */
    NOT_FOUND,
    /** The logs expired or were deleted (410, or 404 on a log download). */
    GONE,
    /** The rate limit is exhausted and waiting was not allowed or did not help. */
    RATE_LIMITED,
    /** The service kept failing (5xx) or could not be reached, after retries. */
    UNAVAILABLE,
    /** The service refused the request for another reason (409, 422, a rerun refused ...). */
    REJECTED,
    /** The answer could not be understood (not JSON, missing fields). */
    INVALID_RESPONSE
  }

  private final Kind kind;
  private final String repo;
  private final int status;

  public CiException(Kind kind, String repo, int status, String message) {
    this(kind, repo, status, message, null);
  }

  public CiException(Kind kind, String repo, int status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.repo = repo;
    this.status = status;
  }

  public Kind kind() {
    return kind;
  }

  /** The {@code owner/name} the request was about, or null for account-wide requests. */
  public String repo() {
    return repo;
  }

  /** The HTTP status, or 0 when no answer came. */
  public int status() {
    return status;
  }
}

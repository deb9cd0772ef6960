package dev.cidoctor.model;

import java.time.Instant;

/** A commit as the CI provider describes it: the first line of its message is enough to show. */
public record Commit(String sha, String author, String message, Instant date) {

  /** Returns the first 7 characters of {@code sha}, as GitHub shows it, or "?" when there is none. */
  public static String shortSha(String sha) {
    return sha == null || sha.isEmpty() ? "?" : sha.length() > 7 ? sha.substring(0, 7) : sha;
  }

  /** Returns the first line of the message. */
  public String headline() {
    int nl = message == null ? -1 : message.indexOf('\n');
    return message == null ? "" : nl < 0 ? message : message.substring(0, nl);
  }
}

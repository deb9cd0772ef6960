package dev.cidoctor.store;

import java.time.Instant;

/**
 * How a failure ended: the first green run of the same workflow and branch after it, with the commit
 * that run built ({@code message} is the run's title, usually the commit's first line).
 */
public record Fix(String repo, String branch, long runId, String sha, String message, Instant at) {

  /** Returns the first 7 characters of the SHA, as GitHub shows it. */
  public String shortSha() {
    return dev.cidoctor.model.Commit.shortSha(sha);
  }
}

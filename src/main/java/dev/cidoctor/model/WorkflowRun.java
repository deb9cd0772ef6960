package dev.cidoctor.model;

import java.time.Instant;

/**
 * One attempt of a CI workflow run, as the CI provider reports it. {@code status} is the provider's
 * lifecycle state ({@code queued}, {@code in_progress}, {@code completed}); {@code conclusion} is null
 * until the attempt completes ({@code success}, {@code failure}, {@code cancelled}, {@code timed_out} ...).
 */
public record WorkflowRun(
    String repo,
    long id,
    int attempt,
    long runNumber,
    String workflowName,
    String workflowPath,
    String headSha,
    String branch,
    String event,
    String actor,
    String status,
    String conclusion,
    String htmlUrl,
    String title,
    Instant createdAt,
    Instant updatedAt) {

  public WorkflowRun {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be 1 or more: " + attempt);
    }
  }

  public boolean completed() {
    return "completed".equals(status);
  }

  /** Says whether the attempt ended in a way worth explaining (failure, timeout, startup failure). */
  public boolean failed() {
    return completed() && conclusion != null
        && (conclusion.equals("failure") || conclusion.equals("timed_out") || conclusion.equals("startup_failure"));
  }

  /** A stable key for this attempt: {@code owner/name#id.attempt}. */
  public String key() {
    return repo + "#" + id + "." + attempt;
  }
}

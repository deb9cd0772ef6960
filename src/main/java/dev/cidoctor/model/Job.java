package dev.cidoctor.model;

import java.time.Instant;
import java.util.List;

/** One job of a workflow run attempt, with its steps in the order the provider numbered them. */
public record Job(
    long id,
    long runId,
    int attempt,
    String name,
    String status,
    String conclusion,
    Instant startedAt,
    Instant completedAt,
    String htmlUrl,
    String runnerName,
    List<JobStep> steps) {

  public Job {
    steps = List.copyOf(steps);
  }

  public boolean failed() {
    return "completed".equals(status) && conclusion != null
        && (conclusion.equals("failure") || conclusion.equals("timed_out"));
  }

  /** Returns the first step that failed, or null when none did (a job can fail in set-up or be cancelled). */
  public JobStep failedStep() {
    for (JobStep s : steps) {
      if ("failure".equals(s.conclusion()) || "timed_out".equals(s.conclusion())) {
        return s;
      }
    }
    return null;
  }
}

package dev.cidoctor.store;

import java.util.List;

/**
 * The latest recorded attempt of a workflow on a branch before another one: its conclusion and the
 * fingerprints of its failed jobs. It tells a first failure from a repeat, and a recovery.
 */
public record PriorRun(long runId, int attempt, String conclusion, List<String> fingerprints) {
  public PriorRun {
    fingerprints = List.copyOf(fingerprints);
  }

  public boolean failed() {
    return "failure".equals(conclusion) || "timed_out".equals(conclusion) || "startup_failure".equals(conclusion);
  }
}

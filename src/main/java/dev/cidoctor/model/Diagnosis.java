package dev.cidoctor.model;

import java.util.List;

/**
 * Why one CI log failed: the root cause, its category and severity, whether a rerun could plausibly
 * pass, the evidence lines (the first is the primary root-cause line) and a concrete fix.
 */
public record Diagnosis(
    String input,
    String job,
    Category category,
    Severity severity,
    boolean transientFailure,
    String summary,
    String suggestion,
    String ruleId,
    double confidence,
    List<Evidence> evidence,
    String failedStep,
    List<String> failedTests,
    String fingerprint,
    List<ReasoningStep> trace) {

  public static final int MAX_EVIDENCE = 40;

  public Diagnosis {
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
    }
    evidence = List.copyOf(evidence);
    if (evidence.size() > MAX_EVIDENCE) {
      evidence = evidence.subList(0, MAX_EVIDENCE);
    }
    failedTests = List.copyOf(failedTests);
    trace = List.copyOf(trace);
  }

  /** Returns the primary root-cause line, or null when nothing in the log pointed at a failure. */
  public Evidence primary() {
    return evidence.isEmpty() ? null : evidence.get(0);
  }
}
